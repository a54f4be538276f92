#!/usr/bin/env bash
# Scaling of the whole pipeline on the loopback standalone cluster (deploy/standalone): the same paper-scale
# job with 1 executor and with 2 executors (1 core each), per phase wall time, speed-up and parallel
# efficiency E = T1 / (2 * T2); then the two runs' tables are compared (they must be equal).
#   bench/scaling.sh [--scale paper|10x] [--seed N]
# Memory: driver MIRACS_DRIVER_MEMORY (8g), executors MIRACS_EXECUTOR_MEMORY (5g) each.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/common.sh
source bench/common.sh
parse_scale_and_seed "bench/scaling.sh [--scale paper|10x] [--seed N]" "$@"
ensure_inputs
out="$PWD/bench/out/scaling-$scale-$seed"
rm -rf "$out"
mkdir -p "$out"

export MIRACS_WORKER_CORES=1
export MIRACS_WORKER_MEMORY="${MIRACS_WORKER_MEMORY:-6g}"
export MIRACS_EXECUTOR_MEMORY="${MIRACS_EXECUTOR_MEMORY:-5g}"
export MIRACS_DRIVER_MEMORY="${MIRACS_DRIVER_MEMORY:-8g}"
export MIRACS_SHUFFLE_PARTITIONS="${MIRACS_SHUFFLE_PARTITIONS:-8}" # the same for both runs
export MIRACS_STANDALONE_DIR="$out/cluster"
trap 'deploy/standalone/stop-cluster.sh' EXIT

for n in 1 2; do
  export MIRACS_WORKERS=$n
  deploy/standalone/start-cluster.sh
  echo "run with $n executor(s) -> $out/executors-$n (log: $out/executors-$n.log)" >&2
  start=$(date +%s.%N)
  deploy/standalone/submit.sh run --data-dir "$data" --out "$out/executors-$n" 2> "$out/executors-$n.log"
  end=$(date +%s.%N)
  python3 -c "print($end - $start)" > "$out/executors-$n.wall"
  deploy/standalone/stop-cluster.sh
done
trap - EXIT

python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
runs = {n: json.load(open(f"{out}/executors-{n}/run.json")) for n in (1, 2)}
wall = {n: float(open(f"{out}/executors-{n}.wall").read()) for n in (1, 2)}
print(f"loopback standalone cluster, {runs[1]['java_version']} / Spark {runs[1]['spark_version']}; "
      f"executors of 1 core; E = T1 / (2 * T2); CPU columns: 1-executor run / 2-executor run")
print(f"{'phase':<12}{'T1_s':>9}{'T2_s':>9}{'speed-up':>10}{'E':>7}{'driver_cpu_s':>14}{'task_cpu_s':>12}")
st1 = {s['name']: s for s in runs[1]['stages']}
st2 = {s['name']: s for s in runs[2]['stages']}
for name in st1:
    t1, t2 = st1[name]['seconds'], st2[name]['seconds']
    cpu = "".join(f"{st1[name].get(k, float('nan')):>7.1f}/{st2[name].get(k, float('nan')):<6.1f}"
                  for k in ('driver_jvm_cpu_seconds', 'task_cpu_seconds'))
    print(f"{name:<12}{t1:>9.1f}{t2:>9.1f}{t1 / t2:>10.2f}{t1 / (2 * t2):>7.2f} {cpu}")
t1, t2 = wall[1], wall[2]
print(f"{'job (wall)':<12}{t1:>9.1f}{t2:>9.1f}{t1 / t2:>10.2f}{t1 / (2 * t2):>7.2f}")
for n in (1, 2):
    m = runs[n].get('mofa', {})
    print(f"{n} executor(s): mofa engine {m.get('engine')}, {m.get('iterations')} iterations, "
          f"{m.get('seconds_per_iteration')} s per iteration")
print(f"parallel_efficiency={t1 / (2 * t2):.2f}")
PY
echo "comparing the 1- and 2-executor runs' tables" >&2
bin/miracs compare "$out/executors-1" "$out/executors-2" 2> "$out/compare.log"
