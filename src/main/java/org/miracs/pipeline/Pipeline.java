package org.miracs.pipeline;

import java.util.List;
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

    public void run(RunContext context) throws Exception {
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            LOG.info("stage {}/{}: {} ...", i + 1, stages.size(), stage.name());
            long start = System.nanoTime();
            stage.run(context);
            double seconds = (System.nanoTime() - start) / 1e9;
            context.metadata().recordStage(stage.name(), seconds);
            LOG.info("stage {}/{}: {} done in {} s", i + 1, stages.size(), stage.name(), String.format("%.1f", seconds));
        }
    }
}
