package org.miracs.integrate;

import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.miracs.config.MiracsConfig.MofaEngine;
import org.miracs.integrate.mofa.MofaData;
import org.miracs.integrate.mofa.MofaExecutor;
import org.miracs.integrate.mofa.MofaOptions;
import org.miracs.integrate.mofa.MofaResult;
import org.miracs.integrate.mofa.MofaTrainer;
import org.miracs.integrate.mofa.ZInit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains MOFA with progress in the log; the shared path of {@code run} and {@code mofa}. Two engines with the
 * same numerics ({@code mofa.engine}): {@link MofaEngine#LOCAL} trains in the driver JVM ({@link MofaTrainer}
 * on threads), {@link MofaEngine#SPARK} keeps the feature blocks on the executors ({@link SparkMofaTrainer}).
 */
public final class MofaRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MofaRunner.class);

    private MofaRunner() {}

    /**
     * {@code AUTO} resolves to {@code LOCAL} when the master is {@code local} or {@code local[...]} (one JVM:
     * Spark adds only overhead there), to {@code SPARK} otherwise (standalone, YARN, k8s, local-cluster).
     */
    public static MofaEngine resolve(MofaEngine engine, String master) {
        if (engine != MofaEngine.AUTO) {
            return engine;
        }
        return isLocal(master) ? MofaEngine.LOCAL : MofaEngine.SPARK;
    }

    private static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    /** Trains with the given engine ({@link #resolve resolved} against the context's master). */
    public static MofaResult train(JavaSparkContext jsc, MofaData data, MofaOptions options, ZInit init,
                                   MofaEngine engine) {
        MofaEngine resolved = resolve(engine, jsc.master());
        if (resolved == MofaEngine.LOCAL) {
            return train(data, options, init, jsc.defaultParallelism());
        }
        int driverThreads = isLocal(jsc.master()) ? jsc.defaultParallelism()
                : jsc.getConf().getInt("spark.driver.cores", 1);
        LOG.info("mofa: {} views x {} groups, {} samples, features {}, K = {}, {} convergence, {} init, engine spark "
                        + "(master {}, {} default parallelism)",
                data.numViews(), data.numGroups(), data.totalSamples(), featureCounts(data), options.numFactors(),
                options.convergenceMode().name().toLowerCase(Locale.ROOT), init.isPca() ? "PCA" : "given",
                jsc.master(), jsc.defaultParallelism());
        MofaResult result = new SparkMofaTrainer(jsc, options).withDriverExecutor(MofaExecutor.threads(driverThreads))
                .withListener(new MofaProgressLog()).fit(data, init);
        logDone(result);
        return result;
    }

    /** Trains on {@code threads} threads of this JVM; the result does not depend on the thread count. */
    public static MofaResult train(MofaData data, MofaOptions options, ZInit init, int threads) {
        LOG.info("mofa: {} views x {} groups, {} samples, features {}, K = {}, {} convergence, {} init, engine local "
                        + "({} threads)",
                data.numViews(), data.numGroups(), data.totalSamples(), featureCounts(data), options.numFactors(),
                options.convergenceMode().name().toLowerCase(Locale.ROOT), init.isPca() ? "PCA" : "given", threads);
        MofaResult result = new MofaTrainer(options).withExecutor(MofaExecutor.threads(threads))
                .withListener(new MofaProgressLog()).fit(data, init);
        logDone(result);
        return result;
    }

    private static void logDone(MofaResult result) {
        LOG.info("mofa: {} after {} iterations, {} active factors", result.converged() ? "converged" : "stopped",
                result.iterations(), result.numFactors());
    }

    private static String featureCounts(MofaData data) {
        StringBuilder sb = new StringBuilder();
        for (int m = 0; m < data.numViews(); m++) {
            sb.append(m == 0 ? "" : " + ").append(data.numFeatures(m)).append(' ').append(data.viewNames().get(m));
        }
        return sb.toString();
    }
}
