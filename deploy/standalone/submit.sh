#!/usr/bin/env bash
# Submits a miracs command to the loopback cluster, exactly as on any Spark 3.5 cluster:
#   spark-submit --master spark://127.0.0.1:7077 --class org.miracs.cli.MiracsMain miracs-job.jar <args>
# e.g. deploy/standalone/submit.sh run --data-dir sample-data --out /tmp/results
# The driver runs here (client mode) unless MIRACS_DEPLOY_MODE=cluster puts it on a worker (its log is then
# in $MIRACS_STANDALONE_DIR/work-N/driver-*/stderr); each worker runs one executor.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

prepare_spark_home
prepare_job_jar
mode=(--deploy-mode client)
if [[ "${MIRACS_DEPLOY_MODE:-client}" == cluster ]]; then
  # the master waits for ever for a worker that can hold the driver: say so instead
  if (( $(to_mb "$MIRACS_DRIVER_MEMORY") > $(to_mb "$MIRACS_WORKER_MEMORY") )); then
    echo "submit.sh: in cluster mode the driver ($MIRACS_DRIVER_MEMORY) must fit in one worker" \
         "($MIRACS_WORKER_MEMORY): lower MIRACS_DRIVER_MEMORY or raise MIRACS_WORKER_MEMORY" >&2
    exit 2
  fi
  # a driver started by a worker gets no Java 17 flags from spark-submit's launcher: pass them on; wait
  # for the driver so that this script ends with the job
  mode=(--deploy-mode cluster
        --conf "spark.driver.extraJavaOptions=${SPARK_JAVA17_OPENS[*]}"
        --conf spark.standalone.submit.waitAppCompletion=true)
fi
# spark-submit is SparkSubmit's main class; in client mode the driver is this JVM, so its heap is set here.
exec "$JAVA" -Xmx"$MIRACS_DRIVER_MEMORY" "${SPARK_JAVA17_OPENS[@]}" \
  -Dlog4j2.configurationFile="$MIRACS_HOME/conf/log4j2.properties" \
  -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit \
  --master "$MIRACS_MASTER_URL" "${mode[@]}" \
  --properties-file "$MIRACS_HOME/conf/spark-defaults.cluster.conf" \
  --conf spark.driver.host=127.0.0.1 \
  --conf spark.driver.memory="$MIRACS_DRIVER_MEMORY" \
  --conf spark.executor.memory="$MIRACS_EXECUTOR_MEMORY" \
  --conf spark.executor.cores="$MIRACS_WORKER_CORES" \
  --conf spark.cores.max="$((MIRACS_WORKERS * MIRACS_WORKER_CORES))" \
  --conf spark.sql.shuffle.partitions="$MIRACS_SHUFFLE_PARTITIONS" \
  --conf spark.default.parallelism="$MIRACS_SHUFFLE_PARTITIONS" \
  --conf spark.ui.showConsoleProgress=false \
  --class org.miracs.cli.MiracsMain "$MIRACS_JOB_JAR" "$@"
