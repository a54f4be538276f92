package org.miracs.integrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.miracs.integrate.mofa.ElboRecord;
import org.miracs.integrate.mofa.MofaData;
import org.miracs.integrate.mofa.MofaOptions;
import org.miracs.integrate.mofa.MofaResult;
import org.miracs.integrate.mofa.VarianceExplained;
import org.miracs.pipeline.RunContext;
import org.miracs.schema.Tables;

/**
 * Writes a trained model as the phase-1 tables (factors numbered from 1 in MOFA2's saved order, by
 * total variance explained) and {@code mofa/model.json} (options, sizes, convergence).
 */
public final class MofaTables {
    public static final String MODEL_JSON = "mofa/model.json";

    private MofaTables() {}

    public static MofaOutputs write(RunContext ctx, MofaResult result, MofaOptions options) throws IOException {
        SparkSession spark = ctx.spark();
        MofaData data = result.data();
        int k = result.numFactors();
        List<Row> factors = new ArrayList<>();
        for (int g = 0; g < data.numGroups(); g++) {
            double[][] z = result.z(g);
            List<String> samples = data.sampleNames(g);
            for (int i = 0; i < samples.size(); i++) {
                for (int f = 0; f < k; f++) {
                    factors.add(RowFactory.create(data.groupNames().get(g), samples.get(i), f + 1, z[i][f]));
                }
            }
        }
        List<Row> weights = new ArrayList<>();
        for (int m = 0; m < data.numViews(); m++) {
            double[][] w = result.w(m);
            List<String> features = data.featureNames(m);
            for (int d = 0; d < features.size(); d++) {
                for (int f = 0; f < k; f++) {
                    weights.add(RowFactory.create(data.viewNames().get(m), features.get(d), f + 1, w[d][f]));
                }
            }
        }
        VarianceExplained r2 = result.varianceExplained();
        List<Row> perFactor = new ArrayList<>();
        List<Row> total = new ArrayList<>();
        for (int g = 0; g < data.numGroups(); g++) {
            for (int m = 0; m < data.numViews(); m++) {
                for (int f = 0; f < k; f++) {
                    perFactor.add(RowFactory.create(data.groupNames().get(g), data.viewNames().get(m), f + 1,
                            r2.perFactor(g, m, f)));
                }
                total.add(RowFactory.create(data.groupNames().get(g), data.viewNames().get(m), r2.total(g, m)));
            }
        }
        List<Row> trace = new ArrayList<>();
        Double previous = null;
        for (ElboRecord e : result.elboTrace()) {
            trace.add(RowFactory.create(e.iteration(), e.elbo(), previous == null ? null : e.elbo() - previous,
                    e.activeFactors(), e.seconds()));
            previous = e.elbo();
        }
        MofaOutputs outputs = new MofaOutputs(
                ctx.writeTable(Tables.FACTORS, spark.createDataFrame(factors, Tables.FACTORS.schema())),
                ctx.writeTable(Tables.WEIGHTS, spark.createDataFrame(weights, Tables.WEIGHTS.schema())),
                ctx.writeTable(Tables.VARIANCE_EXPLAINED, spark.createDataFrame(perFactor, Tables.VARIANCE_EXPLAINED.schema())));
        ctx.writeTable(Tables.VARIANCE_EXPLAINED_TOTAL, spark.createDataFrame(total, Tables.VARIANCE_EXPLAINED_TOTAL.schema()));
        ctx.writeTable(Tables.TRAINING_TRACE, spark.createDataFrame(trace, Tables.TRAINING_TRACE.schema()));
        ctx.output().writeText(MODEL_JSON, modelJson(result, options));
        return outputs;
    }

    /** Iterations, convergence, active factors and mean seconds per iteration, for run.json. */
    public static Map<String, Object> summary(MofaResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iterations", result.iterations());
        m.put("converged", result.converged());
        m.put("active_factors", result.numFactors());
        double seconds = 0;
        int n = 0;
        for (ElboRecord e : result.elboTrace()) {
            if (e.iteration() > 0) {
                seconds += e.seconds();
                n++;
            }
        }
        m.put("seconds_per_iteration", n == 0 ? null : Math.round(seconds / n * 10000) / 10000.0);
        return m;
    }

    static String modelJson(MofaResult result, MofaOptions options) throws IOException {
        MofaData data = result.data();
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("factors", options.numFactors());
        opts.put("seed", options.seed());
        opts.put("convergence_mode", options.convergenceMode().name().toLowerCase(java.util.Locale.ROOT));
        opts.put("max_iterations", options.maxIterations());
        opts.put("start_sparsity", options.startSparsity());
        opts.put("spikeslab_weights", options.spikeSlabWeights());
        opts.put("ard_weights", options.ardWeights());
        opts.put("ard_factors", options.ardFactors());
        opts.put("scale_views", options.scaleViews());
        opts.put("center_groups", options.centerGroups());
        opts.put("drop_r2", options.dropR2().isPresent() ? options.dropR2().getAsDouble() : null);
        opts.put("likelihoods", data.likelihoods().stream().map(l -> l.name().toLowerCase(java.util.Locale.ROOT)).toList());
        json.put("options", opts);
        json.put("views", data.viewNames());
        json.put("groups", data.groupNames());
        Map<String, Integer> features = new LinkedHashMap<>();
        for (int m = 0; m < data.numViews(); m++) {
            features.put(data.viewNames().get(m), data.numFeatures(m));
        }
        json.put("features_per_view", features);
        Map<String, Integer> samples = new LinkedHashMap<>();
        for (int g = 0; g < data.numGroups(); g++) {
            samples.put(data.groupNames().get(g), data.numSamples(g));
        }
        json.put("samples_per_group", samples);
        json.put("active_factors", result.numFactors());
        json.put("iterations", result.iterations());
        json.put("converged", result.converged());
        List<ElboRecord> trace = result.elboTrace();
        json.put("final_elbo", trace.isEmpty() ? null : trace.get(trace.size() - 1).elbo());
        json.put("internal_factor_order", result.factorOrder());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n";
    }
}
