#!/usr/bin/env bash
# Stops the loopback cluster started by start-cluster.sh (workers first, then the master).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

run="$MIRACS_STANDALONE_DIR/run"
shopt -s nullglob
pidfiles=("$run"/worker-*.pid "$run"/master.pid)
for f in "${pidfiles[@]}"; do
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
done
# executors outlive their worker only briefly; make sure none is left behind
for pid in $(executor_pids); do kill -9 "$pid" 2>/dev/null || true; done
log "cluster stopped"
