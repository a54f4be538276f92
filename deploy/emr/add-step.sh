#!/usr/bin/env bash
# deploy/emr/add-step.sh: run `miracs run` as a step on a running EMR 7.x cluster.
#
#   MIRACS_BUCKET=my-bucket MIRACS_CLUSTER_ID=j-XXXXXXXXXXXX deploy/emr/add-step.sh [extra miracs run arguments...]
#
# Settings are described in common.sh; in addition:
#   MIRACS_CLUSTER_ID   the cluster (required), e.g. from create-cluster.sh with MIRACS_KEEP_CLUSTER=1
#   MIRACS_WAIT         1: wait for the step to finish and check the run folder's _SUCCESS
# The step runs spark-submit in cluster deploy mode; on failure the cluster keeps running (CONTINUE).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

: "${MIRACS_CLUSTER_ID:?set MIRACS_CLUSTER_ID to the EMR cluster id (j-...)}"

require_tools aws python3
upload_artifacts

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
render_steps CONTINUE "$work/steps.json" ${1+"$@"}

log "adding the miracs step to cluster $MIRACS_CLUSTER_ID (scale profile $MIRACS_SCALE)"
if [[ "${MIRACS_DRY_RUN:-0}" == 1 ]]; then
  run aws emr add-steps --cluster-id "$MIRACS_CLUSTER_ID" --steps "file://${work}/steps.json" \
    --query 'StepIds[0]' --output text
  exit 0
fi
step_id="$(run aws emr add-steps --cluster-id "$MIRACS_CLUSTER_ID" --steps "file://${work}/steps.json" \
  --query 'StepIds[0]' --output text)"
echo "$step_id"
log "step $step_id added; its spark-submit output: aws emr describe-step --cluster-id $MIRACS_CLUSTER_ID --step-id $step_id"

if [[ "${MIRACS_WAIT:-0}" == 1 ]]; then
  log "waiting for step $step_id"
  if run aws emr wait step-complete --cluster-id "$MIRACS_CLUSTER_ID" --step-id "$step_id"; then
    run aws s3 ls "$MIRACS_OUT/_SUCCESS"
    log "run complete: $MIRACS_OUT"
  else
    log "step $step_id did not complete; see the step and container logs under the cluster's log URI"
    exit 1
  fi
else
  print_result_hints
fi
