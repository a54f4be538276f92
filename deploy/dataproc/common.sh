#!/usr/bin/env bash
# deploy/dataproc/common.sh: settings and helpers shared by the Dataproc scripts (sourced, not run).
#
# Settings (environment variables; MIRACS_BUCKET and MIRACS_REGION are required):
#   MIRACS_BUCKET        Cloud Storage bucket (name only) for the jar and, by default, inputs and outputs
#   MIRACS_REGION        Dataproc region, e.g. europe-west1
#   MIRACS_PROJECT       Google Cloud project (default: gcloud's configured project)
#   MIRACS_PREFIX        object prefix inside the bucket (default miracs)
#   MIRACS_SCALE         paper | 10x: sizing profile (default paper), see README.md
#   MIRACS_DATA_DIR      folder with the DepMap / PRISM files (default gs://$MIRACS_BUCKET/depmap)
#   MIRACS_OUT           run folder to create (default gs://$MIRACS_BUCKET/$MIRACS_PREFIX/runs/<UTC time>)
#   MIRACS_CONFIG        optional properties file: a local file (uploaded next to the jar) or a gs:// URI
#   MIRACS_JAR           local job jar (default <repo>/target/miracs-job.jar)
#   MIRACS_JAR_URI       where the jar goes (default gs://$MIRACS_BUCKET/$MIRACS_PREFIX/jars/miracs-job.jar)
#   MIRACS_SERVICE_ACCOUNT  service account e-mail the cluster VMs / the batch run as (default: Compute
#                        Engine default service account)
#   MIRACS_SKIP_UPLOAD   1: the jar (and config) are already at their URIs
#   MIRACS_DRY_RUN       1: print the commands, run nothing
# Arguments given to submit-job.sh / submit-batch.sh are appended to `miracs run`.
# Credentials: your own gcloud login on this machine; on Google Cloud the job uses the service account's
# Application Default Credentials. No key files, in this repository or elsewhere.

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  echo "common.sh is sourced by the other scripts in deploy/dataproc; run one of those" >&2
  exit 2
fi

DATAPROC_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$DATAPROC_DIR/../.." && pwd)"

log() { printf 'miracs-dataproc: %s\n' "$*" >&2; }

# shellcheck source=../cloud-common.sh
source "$DATAPROC_DIR/../cloud-common.sh"

: "${MIRACS_BUCKET:?set MIRACS_BUCKET to the Cloud Storage bucket name (no gs:// prefix)}"
: "${MIRACS_REGION:?set MIRACS_REGION to a Dataproc region, e.g. europe-west1}"
MIRACS_BUCKET="${MIRACS_BUCKET#gs://}"
MIRACS_BUCKET="${MIRACS_BUCKET%/}"
: "${MIRACS_PREFIX:=miracs}"
: "${MIRACS_SCALE:=paper}"
: "${MIRACS_DATA_DIR:=gs://${MIRACS_BUCKET}/depmap}"
: "${MIRACS_OUT:=gs://${MIRACS_BUCKET}/${MIRACS_PREFIX}/runs/$(date -u +%Y%m%d-%H%M%S)}"
: "${MIRACS_JAR:=${REPO_ROOT}/target/miracs-job.jar}"
: "${MIRACS_JAR_URI:=gs://${MIRACS_BUCKET}/${MIRACS_PREFIX}/jars/miracs-job.jar}"

case "$MIRACS_SCALE" in
  paper | 10x) ;;
  *)
    echo "MIRACS_SCALE must be paper or 10x (got '$MIRACS_SCALE')" >&2
    exit 2
    ;;
esac

# gcloud flags every command gets
GCLOUD_COMMON=(--region "$MIRACS_REGION")
if [[ -n "${MIRACS_PROJECT:-}" ]]; then
  GCLOUD_COMMON+=(--project "$MIRACS_PROJECT")
fi

require_gcloud() {
  if [[ "${MIRACS_DRY_RUN:-0}" != 1 ]] && ! command -v gcloud >/dev/null 2>&1; then
    log "the Google Cloud CLI (gcloud) is needed: https://cloud.google.com/sdk/docs/install"
    exit 1
  fi
}

# Copies a local file to Cloud Storage (project flag included when set).
gcs_upload() {
  if [[ -n "${MIRACS_PROJECT:-}" ]]; then
    run gcloud storage cp --project "$MIRACS_PROJECT" "$1" "$2"
  else
    run gcloud storage cp "$1" "$2"
  fi
}

# Uploads the job jar (and a local --config file) unless MIRACS_SKIP_UPLOAD=1. Sets JOB_ARGS, the
# arguments of `miracs run` (extra arguments of the calling script are appended by the caller).
prepare_job() {
  upload_job_and_config gcs_upload '^gs://' "gs://${MIRACS_BUCKET}/${MIRACS_PREFIX}" "a gs://"
  JOB_ARGS=(run --data-dir "$MIRACS_DATA_DIR" --out "$MIRACS_OUT")
  if [[ -n "$CONFIG_URI" ]]; then
    JOB_ARGS+=(--config "$CONFIG_URI")
  fi
}

# Joins key=value pairs with commas for --properties (no value here contains a comma).
join_properties() {
  local IFS=,
  printf '%s' "$*"
}

print_result_hints() {
  cat >&2 <<EOF
miracs-dataproc: the run folder is $MIRACS_OUT
miracs-dataproc: it is complete only when this succeeds:   gcloud storage ls $MIRACS_OUT/_SUCCESS
miracs-dataproc: then fetch the report:   gcloud storage cp --recursive $MIRACS_OUT/report ./miracs-report
EOF
}
