package org.miracs.integrate;

import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.miracs.config.ConfigException;
import org.miracs.ingest.HarmonisedData;
import org.miracs.integrate.mofa.MofaData;
import org.miracs.integrate.mofa.MofaOptions;
import org.miracs.integrate.mofa.MofaResult;
import org.miracs.integrate.mofa.ZInit;
import org.miracs.pipeline.RunContext;
import org.miracs.pipeline.Stage;

/**
 * Phase 1: multi-group MOFA of the harmonised RNA and protein matrices, groups = lineages. Writes the
 * {@code mofa/} tables and hands {@link MofaOutputs} to the correlation phase.
 */
public final class MofaStage implements Stage {
    @Override
    public String name() {
        return "mofa";
    }

    @Override
    public void run(RunContext ctx) throws Exception {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(ctx.spark().sparkContext());
        MofaData data = HarmonisedMofaInput.build(jsc, ctx.get(HarmonisedData.KEY));
        MofaOptions options = MofaSettings.options(ctx.config().mofa());
        if (options.numFactors() > data.totalSamples()) {
            throw new ConfigException("mofa.factors = " + options.numFactors() + ": expected at most the number of "
                    + "harmonised lines (" + data.totalSamples() + "); set e.g. --set mofa.factors=" + data.totalSamples());
        }
        MofaResult result = MofaRunner.train(jsc, data, options, ZInit.pca(), ctx.config().mofa().engine());
        ctx.put(MofaOutputs.KEY, MofaTables.write(ctx, result, options));
        Map<String, Object> summary = MofaTables.summary(result);
        summary.put("engine", MofaRunner.resolve(ctx.config().mofa().engine(), jsc.master()).name().toLowerCase(Locale.ROOT));
        ctx.metadata().put("mofa", summary);
    }
}
