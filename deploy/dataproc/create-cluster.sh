#!/usr/bin/env bash
# deploy/dataproc/create-cluster.sh: create a Dataproc on Compute Engine cluster (image 2.2: Spark 3.5,
# Scala 2.12) with a Java 17 runtime for Spark's YARN containers, deleted automatically when idle.
#
#   MIRACS_BUCKET=my-bucket MIRACS_REGION=europe-west1 deploy/dataproc/create-cluster.sh
#
# Shared settings are described in common.sh. Cluster settings:
#   MIRACS_CLUSTER_NAME     (default miracs-$MIRACS_SCALE)
#   MIRACS_DATAPROC_IMAGE   image version (default 2.2-debian12)
#   MIRACS_PRIMARY_TYPE     primary (master) machine type (default n2-standard-4)
#   MIRACS_WORKER_TYPE      worker machine type (paper: n2-standard-4, 10x: n2-highmem-4)
#   MIRACS_WORKER_COUNT     workers (paper: 2, 10x: 3)
#   MIRACS_DISK_SIZE        boot disk per node (default 100GB)
#   MIRACS_MAX_IDLE         delete the cluster after this long without jobs (default 1h)
#   MIRACS_JAVA_HOME        where the init action links Java 17 (default /usr/lib/jvm/miracs-java17)
#   MIRACS_SUBNET           subnetwork (default: the project's default network)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

: "${MIRACS_CLUSTER_NAME:=miracs-${MIRACS_SCALE}}"
: "${MIRACS_DATAPROC_IMAGE:=2.2-debian12}"
: "${MIRACS_PRIMARY_TYPE:=n2-standard-4}"
case "$MIRACS_SCALE" in
  paper) : "${MIRACS_WORKER_TYPE:=n2-standard-4}" "${MIRACS_WORKER_COUNT:=2}" ;;
  10x) : "${MIRACS_WORKER_TYPE:=n2-highmem-4}" "${MIRACS_WORKER_COUNT:=3}" ;;
esac
: "${MIRACS_DISK_SIZE:=100GB}"
: "${MIRACS_MAX_IDLE:=1h}"
: "${MIRACS_JAVA_HOME:=/usr/lib/jvm/miracs-java17}"

require_gcloud

init_uri="gs://${MIRACS_BUCKET}/${MIRACS_PREFIX}/init/init-java17.sh"
log "uploading the Java 17 initialization action to $init_uri"
gcs_upload "$DATAPROC_DIR/init-java17.sh" "$init_uri"

properties=(
  "spark:spark.yarn.appMasterEnv.JAVA_HOME=${MIRACS_JAVA_HOME}"
  "spark:spark.executorEnv.JAVA_HOME=${MIRACS_JAVA_HOME}"
  "dataproc:dataproc.logging.stackdriver.job.yarn.container.enable=true"
)

# never empty: empty arrays break `set -u` in macOS's bash 3.2
optional=(--labels app=miracs)
if [[ -n "${MIRACS_SERVICE_ACCOUNT:-}" ]]; then
  optional+=(--service-account "$MIRACS_SERVICE_ACCOUNT")
fi
if [[ -n "${MIRACS_SUBNET:-}" ]]; then
  optional+=(--subnet "$MIRACS_SUBNET")
fi

log "creating cluster $MIRACS_CLUSTER_NAME (image $MIRACS_DATAPROC_IMAGE; primary $MIRACS_PRIMARY_TYPE," \
  "$MIRACS_WORKER_COUNT x worker $MIRACS_WORKER_TYPE; deleted after $MIRACS_MAX_IDLE idle)"
run gcloud dataproc clusters create "$MIRACS_CLUSTER_NAME" \
  "${GCLOUD_COMMON[@]}" \
  --image-version "$MIRACS_DATAPROC_IMAGE" \
  --master-machine-type "$MIRACS_PRIMARY_TYPE" \
  --master-boot-disk-size "$MIRACS_DISK_SIZE" \
  --num-workers "$MIRACS_WORKER_COUNT" \
  --worker-machine-type "$MIRACS_WORKER_TYPE" \
  --worker-boot-disk-size "$MIRACS_DISK_SIZE" \
  --initialization-actions "$init_uri" \
  --initialization-action-timeout 15m \
  --properties "$(join_properties "${properties[@]}")" \
  --scopes cloud-platform \
  --enable-component-gateway \
  --delete-max-idle "$MIRACS_MAX_IDLE" \
  "${optional[@]}"

log "cluster ready; submit a run with: MIRACS_CLUSTER_NAME=$MIRACS_CLUSTER_NAME deploy/dataproc/submit-job.sh"
log "delete it earlier with: gcloud dataproc clusters delete $MIRACS_CLUSTER_NAME --region $MIRACS_REGION"
