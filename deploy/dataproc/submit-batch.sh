#!/usr/bin/env bash
# deploy/dataproc/submit-batch.sh: run `miracs run` as a Dataproc Serverless (Serverless for Apache Spark)
# batch on runtime 1.2 (Spark 3.5, Java 17, Scala 2.12): no cluster to create or delete.
#
#   MIRACS_BUCKET=my-bucket MIRACS_REGION=europe-west1 deploy/dataproc/submit-batch.sh [extra miracs run arguments...]
#
# Shared settings are described in common.sh; in addition:
#   MIRACS_RUNTIME           runtime version (default 1.2; 2.x runtimes are Scala 2.13 and do not fit)
#   MIRACS_BATCH_ID          (default miracs-<UTC time>; lowercase letters, digits, hyphens)
#   MIRACS_SUBNET            subnetwork; it must have Private Google Access (default: the region's
#                            subnet of the default network)
#   MIRACS_TTL               the batch is stopped after this long (default 4h)
#   MIRACS_ASYNC             1: return once the batch is submitted
#   MIRACS_DRIVER_MEMORY, MIRACS_EXECUTOR_MEMORY, MIRACS_MAX_RESULT_SIZE, MIRACS_MAX_EXECUTORS
#                            override single values of the MIRACS_SCALE profile
# Serverless accepts 4, 8 or 16 cores for the driver and for each executor, and a bounded memory per core
# (see README.md); YARN properties such as spark.yarn.* are not allowed there.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

: "${MIRACS_RUNTIME:=1.2}"
: "${MIRACS_BATCH_ID:=miracs-$(date -u +%Y%m%d-%H%M%S)}"
: "${MIRACS_TTL:=4h}"
case "$MIRACS_SCALE" in
  paper)
    : "${MIRACS_DRIVER_MEMORY:=8g}" "${MIRACS_EXECUTOR_MEMORY:=8g}"
    : "${MIRACS_MAX_RESULT_SIZE:=2g}" "${MIRACS_MAX_EXECUTORS:=4}"
    ;;
  10x)
    : "${MIRACS_DRIVER_MEMORY:=18g}" "${MIRACS_EXECUTOR_MEMORY:=12g}"
    : "${MIRACS_MAX_RESULT_SIZE:=4g}" "${MIRACS_MAX_EXECUTORS:=8}"
    ;;
esac

require_gcloud
prepare_job

properties=(
  spark.driver.cores=4
  "spark.driver.memory=${MIRACS_DRIVER_MEMORY}"
  spark.executor.cores=4
  "spark.executor.memory=${MIRACS_EXECUTOR_MEMORY}"
  spark.executor.instances=2
  "spark.dynamicAllocation.maxExecutors=${MIRACS_MAX_EXECUTORS}"
  "spark.driver.maxResultSize=${MIRACS_MAX_RESULT_SIZE}"
  spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version=1
)

# never empty: empty arrays break `set -u` in macOS's bash 3.2
optional=(--labels app=miracs)
if [[ -n "${MIRACS_SERVICE_ACCOUNT:-}" ]]; then
  optional+=(--service-account "$MIRACS_SERVICE_ACCOUNT")
fi
if [[ -n "${MIRACS_SUBNET:-}" ]]; then
  optional+=(--subnet "$MIRACS_SUBNET")
fi
if [[ "${MIRACS_ASYNC:-0}" == 1 ]]; then
  optional+=(--async)
fi

log "submitting batch $MIRACS_BATCH_ID (runtime $MIRACS_RUNTIME, scale profile $MIRACS_SCALE)"
run gcloud dataproc batches submit spark \
  "${GCLOUD_COMMON[@]}" \
  --version "$MIRACS_RUNTIME" \
  --batch "$MIRACS_BATCH_ID" \
  --class org.miracs.cli.MiracsMain \
  --jars "$MIRACS_JAR_URI" \
  --properties "$(join_properties "${properties[@]}")" \
  --ttl "$MIRACS_TTL" \
  "${optional[@]}" \
  -- "${JOB_ARGS[@]}" ${1+"$@"}

log "driver output: gcloud dataproc batches describe $MIRACS_BATCH_ID --region $MIRACS_REGION (and Cloud Logging)"
print_result_hints
