package org.miracs.integrate.mofa;

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
        TrainingLoop.Outcome o = TrainingLoop.run(new TrainingLoop.Steps() {
            @Override
            public ElboTerms initialElbo() {
                return model.initialElbo();
            }

            @Override
            public int numFactors() {
                return model.numFactors();
            }

            @Override
            public void dropInactiveFactor(double minR2, Random rng) {
                model.dropInactiveFactor(minR2, rng);
            }

            @Override
            public void iterate(int iteration) {
                model.iterate(iteration);
            }

            @Override
            public ElboTerms elbo() {
                return model.elbo();
            }
        }, options, listener);
        model.recomputeResiduals();
        return MofaResult.from(model, o.trace(), o.lastIteration(), o.converged());
    }
}
