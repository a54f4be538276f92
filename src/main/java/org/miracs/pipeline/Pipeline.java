package org.miracs.pipeline;

import java.util.List;
import org.apache.spark.SparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An ordered list of stages run one after the other, each timed into the run's metadata. */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private final List<Stage> stages;

    public Pipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    public List<Stage> stages() {
        return stages;
    }

    /**
     * Runs the stages in order. Each is recorded with its wall time, the driver JVM's CPU time and the
     * CPU time of the Spark tasks it ran (in local mode the tasks run inside the driver JVM, so there
     * the JVM figure includes them); executors joining or leaving go to the log.
     */
    public void run(RunContext context) throws Exception {
        SparkContext sc = context.spark().sparkContext();
        TaskTimeListener taskTime = new TaskTimeListener();
        ExecutorEventsLog executorEvents = new ExecutorEventsLog();
        sc.addSparkListener(taskTime);
        sc.addSparkListener(executorEvents);
        try {
            for (int i = 0; i < stages.size(); i++) {
                Stage stage = stages.get(i);
                LOG.info("stage {}/{}: {} ...", i + 1, stages.size(), stage.name());
                long start = System.nanoTime();
                double jvmCpu = RunMetadata.jvmCpuSeconds();
                double taskCpu = taskTime.taskCpuSeconds();
                stage.run(context);
                double seconds = (System.nanoTime() - start) / 1e9;
                taskTime.awaitQuiet();
                context.metadata().recordStage(stage.name(), seconds, RunMetadata.jvmCpuSeconds() - jvmCpu,
                        taskTime.taskCpuSeconds() - taskCpu);
                LOG.info("stage {}/{}: {} done in {} s", i + 1, stages.size(), stage.name(), String.format("%.1f", seconds));
            }
        } finally {
            sc.removeSparkListener(taskTime);
            sc.removeSparkListener(executorEvents);
        }
    }
}
