#!/usr/bin/env bash
# deploy/emr/common.sh: settings and helpers shared by create-cluster.sh and add-step.sh (sourced, not run).
#
# Settings (environment variables; only MIRACS_BUCKET is required):
#   MIRACS_BUCKET        S3 bucket (name only) for the jar, logs and, by default, inputs and outputs
#   MIRACS_PREFIX        key prefix inside the bucket (default miracs)
#   MIRACS_SCALE         paper | 10x: driver/executor sizing profile (default paper), see README.md
#   MIRACS_DATA_DIR      folder with the DepMap / PRISM files (default s3://$MIRACS_BUCKET/depmap)
#   MIRACS_OUT           run folder to create (default s3://$MIRACS_BUCKET/$MIRACS_PREFIX/runs/<UTC time>)
#   MIRACS_CONFIG        optional properties file: a local file (uploaded next to the jar) or an s3:// URI
#   MIRACS_JAR           local job jar (default <repo>/target/miracs-job.jar)
#   MIRACS_JAR_URI       where the jar goes in S3 (default s3://$MIRACS_BUCKET/$MIRACS_PREFIX/jars/miracs-job.jar)
#   MIRACS_SKIP_UPLOAD   1: the jar (and config) are already at their URIs
#   MIRACS_DRY_RUN       1: print the commands and the rendered step, run nothing
#   MIRACS_DRIVER_MEMORY, MIRACS_DRIVER_CORES, MIRACS_EXECUTOR_MEMORY, MIRACS_EXECUTOR_CORES,
#   MIRACS_MAX_RESULT_SIZE   override single values of the MIRACS_SCALE profile
# Arguments given to the calling script are appended to `miracs run` (e.g. --set mofa.factors=30 --overwrite).
# AWS credentials and region come from your AWS CLI configuration (profile, SSO, environment), never from
# files in this repository.

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  echo "common.sh is sourced by create-cluster.sh and add-step.sh; run one of those" >&2
  exit 2
fi

EMR_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$EMR_DIR/../.." && pwd)"

log() { printf 'miracs-emr: %s\n' "$*" >&2; }

# shellcheck source=../cloud-common.sh
source "$EMR_DIR/../cloud-common.sh"

: "${MIRACS_BUCKET:?set MIRACS_BUCKET to the S3 bucket name (no s3:// prefix)}"
MIRACS_BUCKET="${MIRACS_BUCKET#s3://}"
MIRACS_BUCKET="${MIRACS_BUCKET%/}"
: "${MIRACS_PREFIX:=miracs}"
: "${MIRACS_SCALE:=paper}"
: "${MIRACS_DATA_DIR:=s3://${MIRACS_BUCKET}/depmap}"
: "${MIRACS_OUT:=s3://${MIRACS_BUCKET}/${MIRACS_PREFIX}/runs/$(date -u +%Y%m%d-%H%M%S)}"
: "${MIRACS_JAR:=${REPO_ROOT}/target/miracs-job.jar}"
: "${MIRACS_JAR_URI:=s3://${MIRACS_BUCKET}/${MIRACS_PREFIX}/jars/miracs-job.jar}"

# Sizing profile (reasoning in README.md)
cluster_sizing_profile

require_tools() {
  local t
  for t in "$@"; do
    if ! command -v "$t" >/dev/null 2>&1; then
      if [[ "${MIRACS_DRY_RUN:-0}" == 1 && "$t" == aws ]]; then
        continue
      fi
      log "$t is needed but not installed"
      exit 1
    fi
  done
}

s3_upload() {
  run aws s3 cp "$1" "$2"
}

# Uploads the job jar (and a local --config file) unless MIRACS_SKIP_UPLOAD=1. Sets CONFIG_URI.
upload_artifacts() {
  upload_job_and_config s3_upload '^s3a?://' "s3://${MIRACS_BUCKET}/${MIRACS_PREFIX}" "an s3://"
}

# render_steps ACTION_ON_FAILURE OUTPUT_FILE [extra miracs run arguments...]
# Fills the @PLACEHOLDERS@ of steps.json and writes a step list for --steps file://OUTPUT_FILE.
render_steps() {
  local action="$1" out="$2"
  shift 2
  # ${a[@]+"${a[@]}"}: empty arrays are safe under `set -u` in every bash, macOS's 3.2 included
  local -a extra=()
  if [[ $# -gt 0 ]]; then
    extra=("$@")
  fi
  if [[ -n "${CONFIG_URI:-}" ]]; then
    extra=(--config "$CONFIG_URI" ${extra[@]+"${extra[@]}"})
  fi
  python3 - "$EMR_DIR/steps.json" "$out" \
    "ACTION_ON_FAILURE=$action" \
    "JAR_URI=$MIRACS_JAR_URI" \
    "DATA_DIR=$MIRACS_DATA_DIR" \
    "OUT=$MIRACS_OUT" \
    "DRIVER_MEMORY=$MIRACS_DRIVER_MEMORY" \
    "DRIVER_CORES=$MIRACS_DRIVER_CORES" \
    "EXECUTOR_MEMORY=$MIRACS_EXECUTOR_MEMORY" \
    "EXECUTOR_CORES=$MIRACS_EXECUTOR_CORES" \
    "MAX_RESULT_SIZE=$MIRACS_MAX_RESULT_SIZE" \
    -- ${extra[@]+"${extra[@]}"} <<'PY'
import json, re, sys

template, out = sys.argv[1], sys.argv[2]
rest = sys.argv[3:]
cut = rest.index("--")
values = dict(kv.split("=", 1) for kv in rest[:cut])
extra = rest[cut + 1:]

def fill(s):
    return re.sub(r"@([A-Z_]+)@", lambda m: values.get(m.group(1), m.group(0)), s)

steps = json.load(open(template))
for step in steps:
    for key in ("Name", "ActionOnFailure", "Jar"):
        step[key] = fill(step[key])
    args = []
    for a in step["Args"]:
        args.extend(extra if a == "@EXTRA_ARGS@" else [fill(a)])
    step["Args"] = args
text = json.dumps(steps, indent=2)
left = re.findall(r"@[A-Z_]+@", text)
if left:
    sys.exit("unfilled placeholders in the step: " + ", ".join(sorted(set(left))))
with open(out, "w") as f:
    f.write(text + "\n")
PY
  log "step definition ($out):"
  cat "$out" >&2
}

print_result_hints() {
  cat >&2 <<EOF
miracs-emr: the run folder is $MIRACS_OUT
miracs-emr: it is complete only when this succeeds:   aws s3 ls $MIRACS_OUT/_SUCCESS
miracs-emr: then fetch the report:   aws s3 cp --recursive $MIRACS_OUT/report ./miracs-report
EOF
}
