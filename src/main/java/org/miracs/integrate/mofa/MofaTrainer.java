package org.miracs.integrate.mofa;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains MOFA+ on one JVM as mofapy2 0.7.4 does (BayesNet.iterate): ELBO before training, then iterations
 * 1 .. maxIterations-1 of the schedule, optional factor dropping at the start of each iteration, ELBO and
 * convergence check at the configured iterations, result in MOFA2's saved factor order.
 *
 * <pre>
 *   MofaResult r = new MofaTrainer(MofaOptions.defaults(15))
 *           .withExecutor(MofaExecutor.threads(2))
 *           .withListener(rep -&gt; log.info("it {} elbo {}", rep.iteration(), rep.elbo()))
 *           .fit(MofaManifestReader.read(manifest));
 * </pre>
 */
public final class MofaTrainer {
    /** Default features per block: the unit of parallel work (and of Spark partitioning later). */
    public static final int DEFAULT_FEATURE_BLOCK_SIZE = 2048;

    private final MofaOptions options;
    private final MofaExecutor executor;
    private final int featureBlockSize;
    private final MofaProgressListener listener;

    public MofaTrainer(MofaOptions options) {
        this(options, MofaExecutor.serial(), DEFAULT_FEATURE_BLOCK_SIZE, MofaProgressListener.none());
    }

    private MofaTrainer(MofaOptions options, MofaExecutor executor, int featureBlockSize,
                        MofaProgressListener listener) {
        if (featureBlockSize < 1) throw new IllegalArgumentException("featureBlockSize must be >= 1");
        this.options = options;
        this.executor = executor;
        this.featureBlockSize = featureBlockSize;
        this.listener = listener;
    }

    public MofaTrainer withExecutor(MofaExecutor e) {
        return new MofaTrainer(options, e, featureBlockSize, listener);
    }

    /**
     * Features per block. Results are deterministic for a given block size (the merge order of block sums is
     * fixed) and independent of the executor; different block sizes differ only by rounding.
     */
    public MofaTrainer withFeatureBlockSize(int size) {
        return new MofaTrainer(options, executor, size, listener);
    }

    public MofaTrainer withListener(MofaProgressListener l) {
        return new MofaTrainer(options, executor, featureBlockSize, l);
    }

    public MofaOptions options() {
        return options;
    }

    /** Trains from mofapy2's PCA initialisation. */
    public MofaResult fit(MofaData data) {
        return fit(data, ZInit.pca());
    }

    public MofaResult fit(MofaData data, ZInit init) {
        return train(build(data, init));
    }

    /** Preprocesses the data and initialises the model without training it. */
    public MofaModel build(MofaData data, ZInit init) {
        PreparedData prepared = PreparedData.prepare(data, options);
        double[] z0 = init.meanFactorMajor(prepared, options.numFactors(), executor);
        return new MofaModel(prepared, options, z0, featureBlockSize, executor);
    }

    /** Runs the training loop on a freshly built model. */
    public MofaResult train(MofaModel model) {
        List<ElboRecord> trace = new ArrayList<>();
        ElboTerms e0 = model.initialElbo();
        trace.add(new ElboRecord(0, e0, model.numFactors(), 0.0));
        listener.onIteration(new IterationReport(0, e0.total(), Double.NaN, model.numFactors(), 0.0));
        ConvergenceMonitor monitor = new ConvergenceMonitor(options.convergenceMode(), e0.total());
        Random rng = new Random(options.seed());
        double[] elboAt = new double[options.maxIterations() + 1];
        elboAt[0] = e0.total();
        boolean converged = false;
        int last = 0;
        for (int i = 1; i < options.maxIterations(); i++) {
            long t0 = System.nanoTime();
            if (options.dropR2().isPresent()) model.dropInactiveFactor(options.dropR2().getAsDouble(), rng);
            model.iterate(i);
            last = i;
            double elbo = Double.NaN, delta = Double.NaN;
            boolean evaluate = i >= options.startElbo() && (i - options.startElbo()) % options.elboFrequency() == 0;
            ElboTerms terms = null;
            if (evaluate) {
                terms = model.elbo();
                elbo = terms.total();
                elboAt[i] = elbo;
                delta = i == options.startElbo() ? elbo - elboAt[0] : elbo - elboAt[i - options.elboFrequency()];
            }
            double seconds = (System.nanoTime() - t0) * 1e-9;
            if (evaluate) trace.add(new ElboRecord(i, terms, model.numFactors(), seconds));
            listener.onIteration(new IterationReport(i, elbo, delta, model.numFactors(), seconds));
            if (evaluate && i > options.startElbo() && !options.noStop() && monitor.update(delta)) {
                converged = true;
                break;
            }
        }
        model.recomputeResiduals();
        return MofaResult.from(model, trace, last, converged);
    }
}
