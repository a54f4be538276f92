#!/usr/bin/env bash
# Paper-scale (or 10x) benchmark of the whole pipeline in local mode.
#   bench/run.sh [--scale paper|10x] [--seed N]
# Generates the input files once (bench/data/<scale>, not timed), runs `bin/miracs run` on them and prints
# per phase: wall seconds and driver peak heap, MOFA seconds per iteration and iterations, enrichment
# seconds per (lineage, factor) unit. The last line is `total_wall_s=<job seconds> peak_heap_mb=<MB>`.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/common.sh
source bench/common.sh
parse_scale_and_seed "bench/run.sh [--scale paper|10x] [--seed N]" "$@"
case "$scale" in
  paper) heap="${MIRACS_DRIVER_MEMORY:-8g}" ;;
  10x) heap="${MIRACS_DRIVER_MEMORY:-16g}" ;;
esac
ensure_inputs
out="bench/out/$scale-$seed"
bin/miracs --help > /dev/null   # builds if needed, outside the timing

mkdir -p bench/out
start=$(date +%s.%N)
MIRACS_DRIVER_MEMORY="$heap" bin/miracs run --data-dir "$data" --out "$out" --overwrite 2> "bench/out/$scale-$seed.log"
end=$(date +%s.%N)

python3 - "$out/run.json" "$start" "$end" "$heap" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
wall = float(sys.argv[3]) - float(sys.argv[2])
print(f"machine: {run['java_version']} / Spark {run['spark_version']} / {run['spark_master']} / driver heap limit {sys.argv[4]}")
print(f"{'phase':<12}{'wall_s':>10}{'cpu_s':>10}{'driver_peak_heap_mb':>22}")
for s in run["stages"]:
    print(f"{s['name']:<12}{s['seconds']:>10.1f}{s.get('driver_jvm_cpu_seconds', float('nan')):>10.1f}"
          f"{s['driver_peak_heap_mb']:>22}")
m = run.get("mofa", {})
if m:
    print(f"mofa: {m['iterations']} iterations ({'converged' if m['converged'] else 'not converged'}), "
          f"{m['seconds_per_iteration']} s per iteration, {m['active_factors']} active factors")
e = run.get("enrichment", {})
if e and e.get("units"):
    print(f"enrichment: {e['units']} (lineage, factor) units, mode {e['mode']}, {e['permutations']} permutations, "
          f"{e['units_seconds'] / e['units']:.4f} s per unit ({e['units_seconds']} s for all units)")
print(f"total_wall_s={wall:.1f} peak_heap_mb={run['driver_peak_heap_mb']}")
PY
