#!/usr/bin/env bash
# The whole standalone round trip on the shipped sample data: start the loopback cluster (master +
# 2 workers), submit `miracs run` to it, stop it, run the same job in local mode (local[1]), and
# compare every output table. Exits non-zero on any difference.
#   deploy/standalone/run-sample.sh [OUT_DIR] [--set key=value ...]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
here="$(dirname "${BASH_SOURCE[0]}")"

out="${1:-$MIRACS_STANDALONE_DIR/run-sample}"
[[ $# -gt 0 ]] && shift
settings=("$@")
rm -rf "$out"
mkdir -p "$out"

trap '"$here/stop-cluster.sh"' EXIT
"$here/start-cluster.sh"
log "cluster run -> $out/cluster (log: $out/cluster.log)"
if ! "$here/submit.sh" run --data-dir "$MIRACS_HOME/sample-data" --out "$out/cluster" "${settings[@]}" > "$out/cluster.log" 2>&1; then
  tail -n 40 "$out/cluster.log" >&2
  echo "run-sample: the cluster run failed (log: $out/cluster.log)" >&2
  exit 1
fi
grep -Eq "\"spark_master\" *: *\"$MIRACS_MASTER_URL\"" "$out/cluster/run.json" \
  || { echo "run-sample: run.json does not name $MIRACS_MASTER_URL as the master" >&2; exit 1; }
"$here/stop-cluster.sh"
trap - EXIT

log "local run (local[1]) -> $out/local (log: $out/local.log)"
if ! MIRACS_MASTER='local[1]' "$MIRACS_HOME/bin/miracs" run --data-dir "$MIRACS_HOME/sample-data" \
    --out "$out/local" "${settings[@]}" > "$out/local.log" 2>&1; then
  tail -n 40 "$out/local.log" >&2
  echo "run-sample: the local run failed (log: $out/local.log)" >&2
  exit 1
fi

log "comparing the two runs' tables"
if "$MIRACS_HOME/bin/miracs" compare "$out/cluster" "$out/local" 2> "$out/compare.log"; then
  log "run-sample: the cluster run equals the local run"
else
  echo "run-sample: the cluster run differs from the local run (see above; log: $out/compare.log)" >&2
  exit 1
fi
