# Sourced by the scripts in deploy/standalone: where the loopback cluster lives and how big it is.
# Export any of these before calling a script to change it.
MIRACS_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
: "${MIRACS_SPARK_HOME:=$MIRACS_HOME/target/spark-home}"      # "fake" SPARK_HOME: jars/ from Maven
: "${MIRACS_STANDALONE_DIR:=$MIRACS_HOME/target/standalone}"  # pids, logs, worker folders
: "${MIRACS_MASTER_PORT:=7077}"
: "${MIRACS_MASTER_UI_PORT:=8080}"
: "${MIRACS_WORKERS:=2}"
: "${MIRACS_WORKER_CORES:=1}"
: "${MIRACS_WORKER_MEMORY:=2g}"
: "${MIRACS_EXECUTOR_MEMORY:=1g}"
: "${MIRACS_DRIVER_MEMORY:=4g}"
# conf/spark-defaults.cluster.conf's 64 partitions are for real clusters; a few per core suit this one
: "${MIRACS_SHUFFLE_PARTITIONS:=$((4 * MIRACS_WORKERS * MIRACS_WORKER_CORES))}"
MIRACS_MASTER_URL="spark://127.0.0.1:$MIRACS_MASTER_PORT"
MIRACS_JOB_JAR="$MIRACS_HOME/target/miracs-job.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
export SPARK_HOME="$MIRACS_SPARK_HOME" SPARK_SCALA_VERSION=2.12
# every JVM of the loopback cluster binds to 127.0.0.1, whatever the host name resolves to
export SPARK_LOCAL_IP=127.0.0.1
# shellcheck source=../../bin/spark-java-opts.sh
source "$MIRACS_HOME/bin/spark-java-opts.sh"

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# A Spark memory size (512m, 4g, 1024) in MB.
to_mb() {
  local v="${1,,}"
  case "$v" in
    *g) echo $(( ${v%g} * 1024 )) ;;
    *m) echo "${v%m}" ;;
    *) echo "$v" ;;
  esac
}

# Spark's runtime jars, copied from the project's own Maven dependencies (no Spark download). The
# job's own dependencies (EJML) are left out: they travel inside the shaded job jar, as on a real cluster.
prepare_spark_home() {
  local stamp="$MIRACS_SPARK_HOME/.built"
  if [[ ! -f "$stamp" || "$MIRACS_HOME/pom.xml" -nt "$stamp" ]]; then
    log "copying Spark's jars into $MIRACS_SPARK_HOME/jars (Maven dependencies, provided scope included)"
    rm -rf "$MIRACS_SPARK_HOME/jars"
    (cd "$MIRACS_HOME" && mvn -q -B dependency:copy-dependencies -DincludeScope=compile \
        -DexcludeGroupIds=org.ejml -DoutputDirectory="$MIRACS_SPARK_HOME/jars")
    touch "$stamp"
  fi
}

# The shaded job jar, rebuilt when the sources changed.
prepare_job_jar() {
  if [[ ! -f "$MIRACS_JOB_JAR" || -n "$(find "$MIRACS_HOME/src/main" "$MIRACS_HOME/pom.xml" -newer "$MIRACS_JOB_JAR" -print -quit)" ]]; then
    log "building $MIRACS_JOB_JAR"
    (cd "$MIRACS_HOME" && mvn -q -B -DskipTests package)
  fi
}

# The master's status page as JSON (workers, applications), or nothing when it is down.
master_json() {
  curl -sf "http://127.0.0.1:$MIRACS_MASTER_UI_PORT/json/" 2>/dev/null || true
}

alive_workers() {
  master_json | tr -d ' \n' | sed -n 's/.*"aliveworkers":\([0-9]*\).*/\1/p'
}

# Pids of the executor JVMs this cluster's workers started (their working folder is under ours).
executor_pids() {
  local pid
  for pid in $(pgrep -f org.apache.spark.executor.CoarseGrainedExecutorBackend || true); do
    if [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$MIRACS_STANDALONE_DIR"/* ]]; then
      echo "$pid"
    fi
  done
}
