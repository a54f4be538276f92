#!/usr/bin/env bash
# Starts a Spark standalone master and $MIRACS_WORKERS workers (default 2 x 1 core, 2g) on 127.0.0.1,
# as separate JVMs from the project's Maven jars, and waits until every worker has registered.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

prepare_spark_home
run="$MIRACS_STANDALONE_DIR/run"
mkdir -p "$run" "$MIRACS_STANDALONE_DIR/logs"
if [[ -f "$run/master.pid" ]] && kill -0 "$(cat "$run/master.pid")" 2>/dev/null; then
  echo "a master is already running (pid $(cat "$run/master.pid")); run deploy/standalone/stop-cluster.sh first" >&2
  exit 1
fi

# start_daemon NAME CLASS ARGS...: one Spark daemon JVM in the background, its pid in run/NAME.pid
start_daemon() {
  local name="$1"
  shift
  nohup "$JAVA" -Xmx512m "${SPARK_JAVA17_OPENS[@]}" -cp "$SPARK_HOME/jars/*" "$@" \
    > "$MIRACS_STANDALONE_DIR/logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$run/$name.pid"
}

log "master on $MIRACS_MASTER_URL (UI http://127.0.0.1:$MIRACS_MASTER_UI_PORT)"
start_daemon master org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$MIRACS_MASTER_PORT" --webui-port "$MIRACS_MASTER_UI_PORT"
for i in $(seq 1 "$MIRACS_WORKERS"); do
  log "worker $i: $MIRACS_WORKER_CORES core(s), $MIRACS_WORKER_MEMORY"
  mkdir -p "$MIRACS_STANDALONE_DIR/work-$i"
  start_daemon "worker-$i" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --webui-port 0 --cores "$MIRACS_WORKER_CORES" --memory "$MIRACS_WORKER_MEMORY" \
    --work-dir "$MIRACS_STANDALONE_DIR/work-$i" "$MIRACS_MASTER_URL"
done

for _ in $(seq 1 120); do
  if [[ "$(alive_workers)" == "$MIRACS_WORKERS" ]]; then
    log "cluster up: $MIRACS_WORKERS workers registered with $MIRACS_MASTER_URL"
    exit 0
  fi
  if ! kill -0 "$(cat "$run/master.pid")" 2>/dev/null; then
    echo "the master exited; its log:" >&2
    tail -n 30 "$MIRACS_STANDALONE_DIR/logs/master.log" >&2
    exit 1
  fi
  sleep 0.5
done
echo "workers did not register within 60 s (alive: $(alive_workers)); logs in $MIRACS_STANDALONE_DIR/logs" >&2
exit 1
