package org.miracs.integrate;

import java.util.Locale;
import org.miracs.integrate.mofa.MofaData;
import org.miracs.integrate.mofa.MofaExecutor;
import org.miracs.integrate.mofa.MofaOptions;
import org.miracs.integrate.mofa.MofaResult;
import org.miracs.integrate.mofa.MofaTrainer;
import org.miracs.integrate.mofa.ZInit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Trains MOFA with progress in the log; the shared path of {@code run} and {@code mofa}. */
public final class MofaRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MofaRunner.class);

    private MofaRunner() {}

    /** Trains on {@code threads} threads of this JVM; the result does not depend on the thread count. */
    public static MofaResult train(MofaData data, MofaOptions options, ZInit init, int threads) {
        LOG.info("mofa: {} views x {} groups, {} samples, features {}, K = {}, {} convergence, {} init, {} threads",
                data.numViews(), data.numGroups(), data.totalSamples(), featureCounts(data), options.numFactors(),
                options.convergenceMode().name().toLowerCase(Locale.ROOT), init.isPca() ? "PCA" : "given", threads);
        MofaResult result = new MofaTrainer(options).withExecutor(MofaExecutor.threads(threads))
                .withListener(new MofaProgressLog()).fit(data, init);
        LOG.info("mofa: {} after {} iterations, {} active factors", result.converged() ? "converged" : "stopped",
                result.iterations(), result.numFactors());
        return result;
    }

    private static String featureCounts(MofaData data) {
        StringBuilder sb = new StringBuilder();
        for (int m = 0; m < data.numViews(); m++) {
            sb.append(m == 0 ? "" : " + ").append(data.numFeatures(m)).append(' ').append(data.viewNames().get(m));
        }
        return sb.toString();
    }
}
