#!/usr/bin/env bash
# deploy/dataproc/submit-job.sh: run `miracs run` on a Dataproc cluster made by create-cluster.sh.
#
#   MIRACS_BUCKET=my-bucket MIRACS_REGION=europe-west1 deploy/dataproc/submit-job.sh [extra miracs run arguments...]
#
# Shared settings are described in common.sh; in addition:
#   MIRACS_CLUSTER_NAME      (default miracs-$MIRACS_SCALE)
#   MIRACS_JAVA_HOME         Java 17 on the nodes (default /usr/lib/jvm/miracs-java17, from init-java17.sh)
#   MIRACS_ASYNC             1: return once the job is submitted
#   MIRACS_DRIVER_MEMORY, MIRACS_DRIVER_CORES, MIRACS_EXECUTOR_MEMORY, MIRACS_EXECUTOR_CORES,
#   MIRACS_MAX_RESULT_SIZE   override single values of the MIRACS_SCALE profile
# The Spark driver runs in cluster deploy mode, inside a YARN container on a worker, so that it gets the
# Java 17 runtime; its log is the YARN application log (see README.md), not the gcloud output.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

: "${MIRACS_CLUSTER_NAME:=miracs-${MIRACS_SCALE}}"
: "${MIRACS_JAVA_HOME:=/usr/lib/jvm/miracs-java17}"
cluster_sizing_profile

require_gcloud
prepare_job

properties=(
  spark.submit.deployMode=cluster
  spark.yarn.maxAppAttempts=1
  "spark.yarn.appMasterEnv.JAVA_HOME=${MIRACS_JAVA_HOME}"
  "spark.executorEnv.JAVA_HOME=${MIRACS_JAVA_HOME}"
  "spark.driver.memory=${MIRACS_DRIVER_MEMORY}"
  "spark.driver.cores=${MIRACS_DRIVER_CORES}"
  "spark.executor.memory=${MIRACS_EXECUTOR_MEMORY}"
  "spark.executor.cores=${MIRACS_EXECUTOR_CORES}"
  "spark.driver.maxResultSize=${MIRACS_MAX_RESULT_SIZE}"
  spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version=1
)

# never empty: empty arrays break `set -u` in macOS's bash 3.2
optional=(--labels app=miracs)
if [[ "${MIRACS_ASYNC:-0}" == 1 ]]; then
  optional+=(--async)
fi

log "submitting miracs to cluster $MIRACS_CLUSTER_NAME (scale profile $MIRACS_SCALE)"
run gcloud dataproc jobs submit spark \
  --cluster "$MIRACS_CLUSTER_NAME" \
  "${GCLOUD_COMMON[@]}" \
  --class org.miracs.cli.MiracsMain \
  --jars "$MIRACS_JAR_URI" \
  --properties "$(join_properties "${properties[@]}")" \
  "${optional[@]}" \
  -- "${JOB_ARGS[@]}" ${1+"$@"}

print_result_hints
