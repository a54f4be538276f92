#!/usr/bin/env bash
# Fault tolerance on the loopback cluster, on the sample data:
#  1. reference: the job undisturbed (local mode, same settings);
#  2. the job on the cluster with one executor JVM killed (kill -9) while the enrichment stage runs:
#     it must finish, log the lost executor, and write tables equal to the reference's;
#  3. the job on the cluster with its driver killed mid-run: no output folder may appear, only the
#     hidden staging folder, without _SUCCESS.
#   deploy/standalone/kill-executor-test.sh [OUT_DIR]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
here="$(dirname "${BASH_SOURCE[0]}")"

out="${1:-$MIRACS_STANDALONE_DIR/kill-test}"
rm -rf "$out"
mkdir -p "$out"
# exact mode makes the enrichment stage long enough (tens of seconds) to be hit reliably
settings=(--set enrichment.mode=exact)
data="$MIRACS_HOME/sample-data"

fail() {
  echo "kill-executor-test: FAILED: $*" >&2
  exit 1
}

# wait_for LOG REGEX PID: until LOG has a line matching REGEX; fails if PID exits first or after 10 min
wait_for() {
  local file="$1" regex="$2" pid="$3"
  for _ in $(seq 1 1200); do
    grep -Eq "$regex" "$file" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$file" >&2; fail "the job ended before '$regex' appeared in $file"; }
    sleep 0.5
  done
  fail "'$regex' did not appear in $file within 10 minutes"
}

log "1/3 reference run, undisturbed (local mode) -> $out/reference"
MIRACS_MASTER='local[2]' "$MIRACS_HOME/bin/miracs" run --data-dir "$data" --out "$out/reference" "${settings[@]}" \
  > "$out/reference.log" 2>&1 || { tail -n 30 "$out/reference.log" >&2; fail "the reference run failed"; }

driver=""
# on any exit: no driver of ours left waiting for a cluster that is gone, and the cluster stopped
# (a function, so that errexit cannot cut the clean-up short when the driver is already gone)
cleanup() {
  if [[ -n "$driver" ]]; then
    kill -9 "$driver" 2>/dev/null || true
  fi
  "$here/stop-cluster.sh"
}
trap cleanup EXIT
"$here/start-cluster.sh"

log "2/3 cluster run; one executor is killed during the enrichment stage -> $out/executor-killed"
"$here/submit.sh" run --data-dir "$data" --out "$out/executor-killed" "${settings[@]}" > "$out/executor-killed.log" 2>&1 &
driver=$!
wait_for "$out/executor-killed.log" "enrich: [0-9]+ units" "$driver"
sleep 2
grep -Eq "enrich: [0-9]+ rows from" "$out/executor-killed.log" && fail "the enrichment finished before the kill"
victim="$(executor_pids | sed -n 1p)" # sed reads all: head would end the loop with SIGPIPE
[[ -n "$victim" ]] || fail "no executor JVM of this cluster found"
kill -9 "$victim"
log "killed executor JVM $victim while the enrichment ran"
rc=0
wait "$driver" || rc=$?
[[ $rc -eq 0 ]] || { tail -n 40 "$out/executor-killed.log" >&2; fail "the job exited with $rc after the executor was killed"; }
grep -Eq "executor [0-9]+ removed" "$out/executor-killed.log" || fail "the driver log does not show the lost executor"
[[ -f "$out/executor-killed/_SUCCESS" ]] || fail "no _SUCCESS in $out/executor-killed"
"$MIRACS_HOME/bin/miracs" compare "$out/executor-killed" "$out/reference" 2> "$out/compare.log" \
  || fail "the run that lost an executor differs from the undisturbed run"
log "the run that lost an executor equals the undisturbed run"

log "3/3 cluster run whose driver is killed during MOFA -> $out/driver-killed"
"$here/submit.sh" run --data-dir "$data" --out "$out/driver-killed" "${settings[@]}" > "$out/driver-killed.log" 2>&1 &
driver=$!
wait_for "$out/driver-killed.log" "stage 2/6: mofa" "$driver"
kill -9 "$driver"
wait "$driver" 2>/dev/null || true
[[ ! -e "$out/driver-killed" ]] || fail "a killed run left $out/driver-killed, which looks like a result"
shopt -s nullglob
staged=("$out"/.driver-killed.inprogress-*)
[[ ${#staged[@]} -eq 1 ]] || fail "expected one hidden staging folder of the killed run, found ${#staged[@]}"
[[ ! -e "${staged[0]}/_SUCCESS" ]] || fail "the killed run's staging folder has _SUCCESS"
log "the killed run left only ${staged[0]} (no _SUCCESS)"
log "kill-executor-test: passed"
