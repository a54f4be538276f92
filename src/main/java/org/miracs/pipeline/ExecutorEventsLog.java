package org.miracs.pipeline;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts executors joining and leaving a cluster run into the MIRACS log, so a run that lost an
 * executor (and had its tasks rerun elsewhere) says so next to the stage it happened in.
 */
public final class ExecutorEventsLog extends SparkListener {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorEventsLog.class);

    @Override
    public void onExecutorAdded(SparkListenerExecutorAdded added) {
        LOG.info("executor {} added on {} ({} cores)", added.executorId(), added.executorInfo().executorHost(),
                added.executorInfo().totalCores());
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        LOG.warn("executor {} removed: {}; its tasks are rerun on the other executors", removed.executorId(),
                removed.reason());
    }
}
