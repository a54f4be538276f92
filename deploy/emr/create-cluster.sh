#!/usr/bin/env bash
# deploy/emr/create-cluster.sh: start an EMR 7.x cluster (Spark, Java 17) that runs `miracs run` as its
# step and, by default, terminates when the step ends.
#
#   MIRACS_BUCKET=my-bucket deploy/emr/create-cluster.sh [extra miracs run arguments...]
#
# Settings shared with add-step.sh are described in common.sh. Cluster settings:
#   MIRACS_EMR_RELEASE        release label (default emr-7.10.0: Spark 3.5.5, Java 17 by default)
#   MIRACS_CLUSTER_NAME       (default miracs-$MIRACS_SCALE)
#   MIRACS_PRIMARY_TYPE       primary node type (default m6i.xlarge)
#   MIRACS_CORE_TYPE          core node type (paper: m6i.xlarge, 10x: m6i.2xlarge)
#   MIRACS_CORE_COUNT         core nodes (paper: 2, 10x: 3)
#   MIRACS_LOG_URI            (default s3://$MIRACS_BUCKET/$MIRACS_PREFIX/emr-logs/)
#   MIRACS_KEEP_CLUSTER       1: keep the cluster after the step (then it ends after MIRACS_IDLE_TIMEOUT
#                             seconds without work, default 3600); default 0: terminate after the step
#   MIRACS_SUBNET_ID          EC2 subnet (default: the account's default VPC)
#   MIRACS_KEY_NAME           EC2 key pair for SSH to the primary node (optional)
#   MIRACS_EMR_SERVICE_ROLE   (default EMR_DefaultRole)
#   MIRACS_EMR_INSTANCE_PROFILE  (default EMR_EC2_DefaultRole); create both once with
#                             `aws emr create-default-roles`
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

: "${MIRACS_EMR_RELEASE:=emr-7.10.0}"
: "${MIRACS_CLUSTER_NAME:=miracs-${MIRACS_SCALE}}"
: "${MIRACS_PRIMARY_TYPE:=m6i.xlarge}"
case "$MIRACS_SCALE" in
  paper) : "${MIRACS_CORE_TYPE:=m6i.xlarge}" "${MIRACS_CORE_COUNT:=2}" ;;
  10x) : "${MIRACS_CORE_TYPE:=m6i.2xlarge}" "${MIRACS_CORE_COUNT:=3}" ;;
esac
: "${MIRACS_LOG_URI:=s3://${MIRACS_BUCKET}/${MIRACS_PREFIX}/emr-logs/}"
: "${MIRACS_KEEP_CLUSTER:=0}"
: "${MIRACS_IDLE_TIMEOUT:=3600}"
: "${MIRACS_EMR_SERVICE_ROLE:=EMR_DefaultRole}"
: "${MIRACS_EMR_INSTANCE_PROFILE:=EMR_EC2_DefaultRole}"

require_tools aws python3
upload_artifacts

ec2_attributes="InstanceProfile=${MIRACS_EMR_INSTANCE_PROFILE}"
if [[ -n "${MIRACS_SUBNET_ID:-}" ]]; then
  ec2_attributes+=",SubnetId=${MIRACS_SUBNET_ID}"
fi
if [[ -n "${MIRACS_KEY_NAME:-}" ]]; then
  ec2_attributes+=",KeyName=${MIRACS_KEY_NAME}"
fi

if [[ "$MIRACS_KEEP_CLUSTER" == 1 ]]; then
  action=CONTINUE
  termination=(--no-auto-terminate --auto-termination-policy "IdleTimeout=${MIRACS_IDLE_TIMEOUT}")
else
  action=TERMINATE_CLUSTER
  termination=(--auto-terminate)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
render_steps "$action" "$work/steps.json" ${1+"$@"}

log "creating EMR cluster $MIRACS_CLUSTER_NAME ($MIRACS_EMR_RELEASE; primary $MIRACS_PRIMARY_TYPE," \
  "$MIRACS_CORE_COUNT x core $MIRACS_CORE_TYPE; scale profile $MIRACS_SCALE)"
run aws emr create-cluster \
  --name "$MIRACS_CLUSTER_NAME" \
  --release-label "$MIRACS_EMR_RELEASE" \
  --applications Name=Spark \
  --instance-groups \
    "InstanceGroupType=MASTER,InstanceCount=1,InstanceType=${MIRACS_PRIMARY_TYPE}" \
    "InstanceGroupType=CORE,InstanceCount=${MIRACS_CORE_COUNT},InstanceType=${MIRACS_CORE_TYPE}" \
  --service-role "$MIRACS_EMR_SERVICE_ROLE" \
  --ec2-attributes "$ec2_attributes" \
  --configurations "file://${EMR_DIR}/configurations.json" \
  --steps "file://${work}/steps.json" \
  --log-uri "$MIRACS_LOG_URI" \
  --tags "app=miracs" \
  "${termination[@]}" \
  --query ClusterId --output text

cat >&2 <<EOF
miracs-emr: follow the cluster with   aws emr describe-cluster --cluster-id <id> --query Cluster.Status
miracs-emr: and the step with         aws emr list-steps --cluster-id <id>
miracs-emr: logs (pushed every few minutes) under ${MIRACS_LOG_URI}<id>/ (steps/, containers/)
EOF
print_result_hints
