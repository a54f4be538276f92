package org.miracs.integrate;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.miracs.integrate.mofa.ElboRecord;
import org.miracs.integrate.mofa.ElboTerms;
import org.miracs.integrate.mofa.FactorMoments;
import org.miracs.integrate.mofa.FactorState;
import org.miracs.integrate.mofa.FeatureBlock;
import org.miracs.integrate.mofa.MofaData;
import org.miracs.integrate.mofa.MofaExecutor;
import org.miracs.integrate.mofa.MofaOptions;
import org.miracs.integrate.mofa.MofaProgressListener;
import org.miracs.integrate.mofa.MofaResult;
import org.miracs.integrate.mofa.MofaTrainer;
import org.miracs.integrate.mofa.NoiseStatistics;
import org.miracs.integrate.mofa.PreparedData;
import org.miracs.integrate.mofa.SampleLayout;
import org.miracs.integrate.mofa.TrainingLoop;
import org.miracs.integrate.mofa.VarianceExplained;
import org.miracs.integrate.mofa.VarianceStatistics;
import org.miracs.integrate.mofa.WeightPriors;
import org.miracs.integrate.mofa.WeightStatistics;
import org.miracs.integrate.mofa.ZInit;
import org.miracs.integrate.mofa.ZStatistics;

/**
 * Trains MOFA+ with the feature blocks on the Spark executors and the factor-sized state on the driver, with
 * the same numerics as {@link MofaTrainer} (same schedule, ELBO, convergence rule, factor dropping, result).
 *
 * <h2>Layout</h2>
 * The prepared (centred, scaled) data is cut into {@link FeatureBlock}s exactly as {@link MofaTrainer} cuts it
 * (views in order, {@code featureBlockSize} features per block). The blocks live in a cached RDD spread over
 * {@code partitions} partitions (block b in partition b mod partitions, so every partition gets blocks of every
 * view); q(Z), AlphaZ, AlphaW and ThetaW
 * ({@link FactorState}) stay on the driver. Only factor-/sample-sized values are broadcast: the q(Z) moments
 * (K x N), the per-view weight priors (K), the change of E[Z] (K x N).
 *
 * <h2>One iteration = two Spark jobs</h2>
 * <ol>
 *   <li>W job: every block is copied, (optionally loses a dropped factor,) updates q(W) and returns its partial
 *       {@link ZStatistics} and {@link WeightStatistics};</li>
 *   <li>driver: the partials are merged in block-index order, then AlphaW/ThetaW, Z and AlphaZ are updated;</li>
 *   <li>Tau job: every block is copied, moves its residual to the new E[Z], updates q(tau) and returns its
 *       {@link NoiseStatistics} (plus its variance-explained sums when factors may be dropped, for the drop
 *       decision at the start of the next iteration);</li>
 *   <li>driver: ELBO, convergence check, progress report.</li>
 * </ol>
 * Each job's output RDD holds the updated blocks together with their statistics and is persisted; the
 * previous generation is unpersisted once the new one exists. Tasks never change a cached block (they update
 * a {@link FeatureBlock#copy}), and every step is a deterministic function of its parent blocks and its
 * broadcasts, so a retried or recomputed task produces the same block. Every {@code checkpointInterval}
 * iterations the lineage is truncated: a reliable checkpoint if the SparkContext has a checkpoint directory,
 * otherwise a local checkpoint (cached blocks, spilled to disk if needed; the broadcasts needed to recompute
 * younger generations are kept until then).
 *
 * <h2>Determinism</h2>
 * Per-block statistics are merged on the driver in block-index order, as {@link MofaTrainer} merges them, so
 * the result is bit-identical for any number of partitions and equal to {@link MofaTrainer} with the same
 * feature block size (also bit for bit).
 */
public final class SparkMofaTrainer {
    /** Iterations between lineage truncations (as MLlib ALS's checkpointInterval). */
    public static final int DEFAULT_CHECKPOINT_INTERVAL = 10;

    private final JavaSparkContext jsc;
    private final MofaOptions options;
    private final int featureBlockSize;
    private final int partitions;
    private final int checkpointInterval;
    private final MofaProgressListener listener;
    private final MofaExecutor driverExecutor;

    public SparkMofaTrainer(JavaSparkContext jsc, MofaOptions options) {
        this(jsc, options, MofaTrainer.DEFAULT_FEATURE_BLOCK_SIZE, 0, DEFAULT_CHECKPOINT_INTERVAL,
                MofaProgressListener.none(), MofaExecutor.serial());
    }

    private SparkMofaTrainer(JavaSparkContext jsc, MofaOptions options, int featureBlockSize, int partitions,
                             int checkpointInterval, MofaProgressListener listener, MofaExecutor driverExecutor) {
        if (featureBlockSize < 1) throw new IllegalArgumentException("featureBlockSize must be >= 1");
        if (partitions < 0) throw new IllegalArgumentException("partitions must be >= 0 (0 = automatic)");
        if (checkpointInterval < 1) throw new IllegalArgumentException("checkpointInterval must be >= 1");
        this.jsc = jsc;
        this.options = options;
        this.featureBlockSize = featureBlockSize;
        this.partitions = partitions;
        this.checkpointInterval = checkpointInterval;
        this.listener = listener;
        this.driverExecutor = driverExecutor;
    }

    /** Features per block (default {@link MofaTrainer#DEFAULT_FEATURE_BLOCK_SIZE}); results equal MofaTrainer's with the same size. */
    public SparkMofaTrainer withFeatureBlockSize(int size) {
        return new SparkMofaTrainer(jsc, options, size, partitions, checkpointInterval, listener, driverExecutor);
    }

    /** Partitions of the block RDD; 0 (default) = min(blocks, default parallelism). Changes no result. */
    public SparkMofaTrainer withPartitions(int n) {
        return new SparkMofaTrainer(jsc, options, featureBlockSize, n, checkpointInterval, listener, driverExecutor);
    }

    /** Iterations between lineage truncations (default {@value #DEFAULT_CHECKPOINT_INTERVAL}). */
    public SparkMofaTrainer withCheckpointInterval(int n) {
        return new SparkMofaTrainer(jsc, options, featureBlockSize, partitions, n, listener, driverExecutor);
    }

    public SparkMofaTrainer withListener(MofaProgressListener l) {
        return new SparkMofaTrainer(jsc, options, featureBlockSize, partitions, checkpointInterval, l, driverExecutor);
    }

    /** Threads for the driver-side work (PCA initialisation, Z update per group); changes no result. */
    public SparkMofaTrainer withDriverExecutor(MofaExecutor e) {
        return new SparkMofaTrainer(jsc, options, featureBlockSize, partitions, checkpointInterval, listener, e);
    }

    public MofaOptions options() {
        return options;
    }

    /** Trains from mofapy2's PCA initialisation. */
    public MofaResult fit(MofaData data) {
        return fit(data, ZInit.pca());
    }

    public MofaResult fit(MofaData data, ZInit init) {
        PreparedData prepared = PreparedData.prepare(data, options);
        SampleLayout layout = prepared.layout();
        int M = prepared.numViews();
        int[] D = new int[M];
        for (int m = 0; m < M; m++) D[m] = prepared.numFeatures(m);
        double[] z0 = init.meanFactorMajor(prepared, options.numFactors(), driverExecutor);
        FactorState state = new FactorState(layout, D, options, z0);
        List<BlockSlice> slices = slices(prepared, featureBlockSize);
        int parts = partitions > 0 ? partitions : Math.max(1, Math.min(slices.size(), jsc.defaultParallelism()));
        Run run = new Run(data, state, slices, parts);
        try {
            return run.train();
        } finally {
            run.release();
        }
    }

    /** The blocks' data, cut like {@link MofaTrainer}: views in order, {@code size} features per block. */
    private static List<BlockSlice> slices(PreparedData p, int size) {
        int N = p.layout().numSamples();
        List<BlockSlice> out = new ArrayList<>();
        for (int m = 0; m < p.numViews(); m++) {
            int Dm = p.numFeatures(m);
            for (int f0 = 0; f0 < Dm; f0 += size) {
                int s = Math.min(size, Dm - f0);
                double[] v = new double[s * N];
                for (int i = 0; i < s; i++)
                    for (int n = 0; n < N; n++) v[i * N + n] = p.value(m, f0 + i, n);
                out.add(new BlockSlice(out.size(), m, f0, s, v));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------
    // One training run: driver-side loop, RDD generations and broadcasts
    // ------------------------------------------------------------------------------------------------

    private final class Run {
        final MofaData data;
        final FactorState state;
        final SampleLayout layout;
        final int M;
        final int numBlocks;
        final int[] blockView;
        final boolean trackVariance = options.dropR2().isPresent();
        final boolean reliableCheckpoint = jsc.getCheckpointDir().isPresent();
        /** Current generation: every block with the statistics of the step that produced it. */
        JavaRDD<Cell> current;
        /** The last checkpointed generation (kept until the next checkpoint exists). */
        JavaRDD<Cell> anchor;
        /** Broadcasts the generations since the last checkpoint depend on. */
        final Deque<Broadcast<?>> broadcasts = new ArrayDeque<>();
        /** Variance-explained sums of the current generation (only when factors may be dropped). */
        VarianceStatistics[] variance;
        /** Change of E[Z] in the last Z update (factor-major K x N). */
        double[] factorDelta;

        Run(MofaData data, FactorState state, List<BlockSlice> slices, int parts) {
            this.data = data;
            this.state = state;
            this.layout = state.layout();
            this.M = data.numViews();
            this.numBlocks = slices.size();
            this.blockView = new int[numBlocks];
            for (BlockSlice s : slices) blockView[s.index] = s.view;
            // partition p holds blocks p, p + parts, ... (both views spread evenly); one element per partition
            List<List<BlockSlice>> assignment = new ArrayList<>();
            for (int p = 0; p < parts; p++) assignment.add(new ArrayList<>());
            for (BlockSlice s : slices) assignment.get(s.index % parts).add(s);
            current = jsc.parallelize(assignment, parts)
                    .flatMap(new BuildBlocks(layout, state.numFactors(), options.spikeSlabWeights()))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            anchor = current;
        }

        MofaResult train() {
            TrainingLoop.Outcome o = TrainingLoop.run(new TrainingLoop.Steps() {
                private int drop = -1;
                private FactorMoments before;
                private WeightStatistics[] viewW;
                private NoiseStatistics noise;

                @Override
                public ElboTerms initialElbo() {
                    return Run.this.initialElbo();
                }

                @Override
                public int numFactors() {
                    return state.numFactors();
                }

                /** Decided on the driver from the last Tau step's variance sums; applied in the next W job. */
                @Override
                public void dropInactiveFactor(double minR2, Random rng) {
                    int[] cand = VarianceExplained.inactiveFactors(variance, minR2);
                    if (cand.length > 0) {
                        drop = cand[rng.nextInt(cand.length)];
                        before = state.moments();
                        state.removeFactor(drop);
                    }
                }

                @Override
                public void iterate(int iteration) {
                    viewW = weightStep(iteration, drop, before);
                    noise = noiseStep(iteration);
                    drop = -1;
                    before = null;
                }

                @Override
                public ElboTerms elbo() {
                    return state.elbo(viewW, noise);
                }
            }, options, listener);
            return result(o.trace(), o.lastIteration(), o.converged());
        }

        ElboTerms initialElbo() {
            Broadcast<FactorMoments> fm = broadcast(state.moments());
            describe("mofa: initial ELBO");
            List<InitialOut> out = current.map(new InitialStats(fm, trackVariance)).collect();
            InitialOut[] byBlock = byIndex(out, InitialOut.class);
            WeightStatistics[] viewW = newWeightStatistics();
            NoiseStatistics noise = new NoiseStatistics();
            VarianceStatistics[] var = trackVariance ? newVarianceStatistics() : null;
            for (int b = 0; b < numBlocks; b++) {
                viewW[blockView[b]].add(byBlock[b].weights);
                noise.add(byBlock[b].noise);
                if (var != null) var[blockView[b]].add(byBlock[b].variance);
            }
            variance = var;
            return state.elbo(viewW, noise);
        }

        /** W job, merge, then AlphaW/ThetaW and Z/AlphaZ on the driver. Returns the per-view weight sums. */
        WeightStatistics[] weightStep(int iteration, int drop, FactorMoments before) {
            WeightPriors[] priors = new WeightPriors[M];
            for (int m = 0; m < M; m++) priors[m] = state.weightPriors(m);
            Broadcast<WeightInput> in = broadcast(new WeightInput(state.moments(), priors, drop, before));
            describe("mofa iteration " + iteration + ": W");
            JavaRDD<Cell> next = current.mapPartitions(new WeightUpdate(in), true);
            WeightOut[] byBlock = byIndex(materialise(next, false), WeightOut.class);
            ZStatistics zTotal = new ZStatistics(layout, state.numFactors());
            WeightStatistics[] viewW = newWeightStatistics();
            for (int b = 0; b < numBlocks; b++) {
                zTotal.add(byBlock[b].z);
                viewW[blockView[b]].add(byBlock[b].weights);
            }
            state.updateWeightHyperparameters(iteration, viewW);
            // the state reuses its delta array: keep a copy for the broadcast
            factorDelta = state.updateFactors(zTotal, driverExecutor).clone();
            return viewW;
        }

        /** Tau job (after the Z update); returns the merged noise terms of the ELBO. */
        NoiseStatistics noiseStep(int iteration) {
            Broadcast<NoiseInput> in = broadcast(new NoiseInput(factorDelta, state.moments(), trackVariance));
            describe("mofa iteration " + iteration + ": Tau");
            JavaRDD<Cell> next = current.mapPartitions(new NoiseUpdate(in), true);
            NoiseOut[] byBlock = byIndex(materialise(next, iteration % checkpointInterval == 0), NoiseOut.class);
            NoiseStatistics noise = new NoiseStatistics();
            VarianceStatistics[] var = trackVariance ? newVarianceStatistics() : null;
            for (int b = 0; b < numBlocks; b++) {
                noise.add(byBlock[b].noise);
                if (var != null) var[blockView[b]].add(byBlock[b].variance);
            }
            variance = var;
            return noise;
        }

        /** Final job: residuals recomputed from scratch (as MofaTrainer does), variance sums, E[W], E[tau]. */
        MofaResult result(List<ElboRecord> trace, int iterations, boolean converged) {
            Broadcast<FactorMoments> fm = broadcast(state.moments());
            describe("mofa: result");
            FinalOut[] byBlock = byIndex(current.map(new FinalStats(fm)).collect(), FinalOut.class);
            double[][][] w = new double[M][][];
            double[][][] tau = new double[M][][];
            for (int m = 0; m < M; m++) {
                w[m] = new double[data.numFeatures(m)][];
                tau[m] = new double[data.numFeatures(m)][];
            }
            VarianceStatistics[] var = newVarianceStatistics();
            for (int b = 0; b < numBlocks; b++) {
                FinalOut o = byBlock[b];
                var[o.view].add(o.variance);
                for (int d = 0; d < o.w.length; d++) {
                    w[o.view][o.firstFeature + d] = o.w[d];
                    tau[o.view][o.firstFeature + d] = o.tau[d];
                }
            }
            jsc.setJobDescription(null);
            return MofaResult.of(data, state, var, w, tau, trace, iterations, converged);
        }

        /**
         * Persists {@code next} (checkpointing it if asked), runs the one job that computes it and collects the
         * statistics, makes it the current generation and releases what is no longer needed.
         */
        @SuppressWarnings("unchecked")
        <S> List<S> materialise(JavaRDD<Cell> next, boolean checkpoint) {
            next.persist(StorageLevel.MEMORY_AND_DISK());
            if (checkpoint) {
                if (reliableCheckpoint) next.checkpoint();
                else next.rdd().localCheckpoint();
            }
            List<S> stats = (List<S>) next.map(c -> (Object) c.stats()).collect();
            JavaRDD<Cell> previous = current;
            current = next;
            if (previous != anchor) previous.unpersist(false);
            if (checkpoint) {
                // lineage now starts at `next`: older generations and broadcasts are no longer needed
                if (anchor != previous) anchor.unpersist(false);
                anchor = next;
                while (broadcasts.size() > 1) broadcasts.pollFirst().destroy();
            }
            return stats;
        }

        <T> Broadcast<T> broadcast(T value) {
            Broadcast<T> b = jsc.broadcast(value);
            broadcasts.addLast(b);
            return b;
        }

        void describe(String what) {
            jsc.setJobDescription(what);
        }

        @SuppressWarnings("unchecked")
        <T extends Indexed> T[] byIndex(List<?> items, Class<T> type) {
            T[] out = (T[]) java.lang.reflect.Array.newInstance(type, numBlocks);
            for (Object o : items) {
                T t = type.cast(o);
                out[t.index()] = t;
            }
            for (int b = 0; b < numBlocks; b++)
                if (out[b] == null) throw new IllegalStateException("no statistics for feature block " + b);
            return out;
        }

        WeightStatistics[] newWeightStatistics() {
            WeightStatistics[] w = new WeightStatistics[M];
            for (int m = 0; m < M; m++) w[m] = new WeightStatistics(state.numFactors());
            return w;
        }

        VarianceStatistics[] newVarianceStatistics() {
            VarianceStatistics[] v = new VarianceStatistics[M];
            for (int m = 0; m < M; m++) v[m] = new VarianceStatistics(layout.numGroups(), state.numFactors());
            return v;
        }

        void release() {
            jsc.setJobDescription(null);
            if (current != null) current.unpersist(false);
            if (anchor != null && anchor != current) anchor.unpersist(false);
            for (Broadcast<?> b : broadcasts) b.destroy();
            broadcasts.clear();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // What travels: block data, step inputs (broadcast), per-block outputs
    // ------------------------------------------------------------------------------------------------

    private interface Indexed {
        int index();
    }

    /** The prepared data of one feature block, feature-major (feature i = values[i*N .. i*N+N)). */
    private record BlockSlice(int index, int view, int firstFeature, int size, double[] values) implements Serializable {}

    /** A block of the current generation with the statistics of the step that produced it. */
    private record Cell(int index, FeatureBlock block, Object stats) implements Serializable {}

    private record WeightInput(FactorMoments moments, WeightPriors[] priors, int drop, FactorMoments before)
            implements Serializable {}

    private record NoiseInput(double[] dz, FactorMoments moments, boolean variance) implements Serializable {}

    private record InitialOut(int index, WeightStatistics weights, NoiseStatistics noise, VarianceStatistics variance)
            implements Serializable, Indexed {}

    private record WeightOut(int index, ZStatistics z, WeightStatistics weights) implements Serializable, Indexed {}

    private record NoiseOut(int index, NoiseStatistics noise, VarianceStatistics variance)
            implements Serializable, Indexed {}

    private record FinalOut(int index, int view, int firstFeature, double[][] w, double[][] tau,
                            VarianceStatistics variance) implements Serializable, Indexed {}

    // ------------------------------------------------------------------------------------------------
    // Task functions (static: they capture only serialisable values and broadcasts)
    // ------------------------------------------------------------------------------------------------

    private static final class BuildBlocks implements FlatMapFunction<List<BlockSlice>, Cell> {
        private final SampleLayout layout;
        private final int K;
        private final boolean spikeSlab;

        BuildBlocks(SampleLayout layout, int K, boolean spikeSlab) {
            this.layout = layout;
            this.K = K;
            this.spikeSlab = spikeSlab;
        }

        @Override
        public Iterator<Cell> call(List<BlockSlice> slices) {
            List<Cell> out = new ArrayList<>();
            for (BlockSlice s : slices)
                out.add(new Cell(s.index(), FeatureBlock.of(layout, s.view(), s.firstFeature(), s.size(), s.values(),
                        0, K, spikeSlab), null));
            return out.iterator();
        }
    }

    /** Reads the blocks only: weight sums of the initial q(W), noise terms with the full residual. */
    private static final class InitialStats implements Function<Cell, InitialOut> {
        private final Broadcast<FactorMoments> fm;
        private final boolean variance;

        InitialStats(Broadcast<FactorMoments> fm, boolean variance) {
            this.fm = fm;
            this.variance = variance;
        }

        @Override
        public InitialOut call(Cell c) {
            FactorMoments m = fm.value();
            FeatureBlock b = c.block();
            int K = m.numFactors();
            double[] ones = new double[K];
            Arrays.fill(ones, 1.0);
            WeightStatistics ws = new WeightStatistics(K);
            b.summarizeWeights(ones, ws);
            NoiseStatistics ns = new NoiseStatistics();
            b.initialNoiseElbo(m, ns);
            VarianceStatistics vs = null;
            if (variance) {
                vs = new VarianceStatistics(m.layout().numGroups(), K);
                b.accumulateVarianceExplained(m, vs);
            }
            return new InitialOut(c.index(), ws, ns, vs);
        }
    }

    private static final class WeightUpdate implements FlatMapFunction<Iterator<Cell>, Cell> {
        private final Broadcast<WeightInput> input;

        WeightUpdate(Broadcast<WeightInput> input) {
            this.input = input;
        }

        @Override
        public Iterator<Cell> call(Iterator<Cell> cells) {
            WeightInput in = input.value();
            List<Cell> out = new ArrayList<>();
            while (cells.hasNext()) {
                Cell c = cells.next();
                FeatureBlock b = c.block().copy();
                if (in.drop() >= 0) b.removeFactor(in.drop(), in.before());
                int K = in.moments().numFactors();
                ZStatistics zs = new ZStatistics(in.moments().layout(), K);
                WeightStatistics ws = new WeightStatistics(K);
                b.updateWeights(in.moments(), in.priors()[b.view()], zs, ws);
                out.add(new Cell(c.index(), b, new WeightOut(c.index(), zs, ws)));
            }
            return out.iterator();
        }
    }

    private static final class NoiseUpdate implements FlatMapFunction<Iterator<Cell>, Cell> {
        private final Broadcast<NoiseInput> input;

        NoiseUpdate(Broadcast<NoiseInput> input) {
            this.input = input;
        }

        @Override
        public Iterator<Cell> call(Iterator<Cell> cells) {
            NoiseInput in = input.value();
            List<Cell> out = new ArrayList<>();
            while (cells.hasNext()) {
                Cell c = cells.next();
                FeatureBlock b = c.block().copy();
                NoiseStatistics ns = new NoiseStatistics();
                b.applyFactorDelta(in.dz(), in.moments(), ns);
                VarianceStatistics vs = null;
                if (in.variance()) {
                    vs = new VarianceStatistics(in.moments().layout().numGroups(), in.moments().numFactors());
                    b.accumulateVarianceExplained(in.moments(), vs);
                }
                out.add(new Cell(c.index(), b, new NoiseOut(c.index(), ns, vs)));
            }
            return out.iterator();
        }
    }

    private static final class FinalStats implements Function<Cell, FinalOut> {
        private final Broadcast<FactorMoments> fm;

        FinalStats(Broadcast<FactorMoments> fm) {
            this.fm = fm;
        }

        @Override
        public FinalOut call(Cell c) {
            FactorMoments m = fm.value();
            FeatureBlock b = c.block().copy();
            b.recomputeResidual(m);
            VarianceStatistics vs = new VarianceStatistics(m.layout().numGroups(), m.numFactors());
            b.accumulateVarianceExplained(m, vs);
            double[][] w = new double[b.size()][];
            double[][] tau = new double[b.size()][];
            for (int d = 0; d < b.size(); d++) {
                w[d] = b.weightRow(d);
                tau[d] = b.tauRow(d);
            }
            return new FinalOut(c.index(), b.view(), b.firstFeature(), w, tau, vs);
        }
    }
}
