package org.miracs.integrate.mofa;

import java.util.List;

/**
 * A trained model in MOFA2's saved form: factors sorted by decreasing total variance explained and named
 * Factor1..FactorK in that order ({@link #factorName}); {@link #factorOrder()} maps them back to the
 * internal (initialisation) order.
 */
public final class MofaResult {
    private final MofaData data;
    private final int[] factorOrder;
    private final double[][][] z;
    private final double[][][] w;
    private final VarianceExplained r2;
    private final double[][][] tau;
    private final double[][] alphaW;
    private final double[][] thetaW;
    private final double[][] alphaZ;
    private final List<ElboRecord> trace;
    private final int iterations;
    private final boolean converged;

    private MofaResult(MofaData data, int[] factorOrder, double[][][] z, double[][][] w, VarianceExplained r2,
                       double[][][] tau, double[][] alphaW, double[][] thetaW, double[][] alphaZ,
                       List<ElboRecord> trace, int iterations, boolean converged) {
        this.data = data;
        this.factorOrder = factorOrder;
        this.z = z;
        this.w = w;
        this.r2 = r2;
        this.tau = tau;
        this.alphaW = alphaW;
        this.thetaW = thetaW;
        this.alphaZ = alphaZ;
        this.trace = List.copyOf(trace);
        this.iterations = iterations;
        this.converged = converged;
    }

    static MofaResult from(MofaModel model, List<ElboRecord> trace, int iterations, boolean converged) {
        FactorState st = model.state;
        double[][][] w = new double[model.M][][];
        double[][][] tau = new double[model.M][][];
        for (int m = 0; m < model.M; m++) {
            w[m] = new double[st.D[m]][];
            tau[m] = new double[st.D[m]][];
        }
        for (FeatureBlock b : model.blocks) {
            for (int d = 0; d < b.size; d++) {
                w[b.view][b.firstFeature + d] = b.weightRow(d);
                tau[b.view][b.firstFeature + d] = b.tauRow(d);
            }
        }
        return of(model.data.source, st, model.varianceStatistics(), w, tau, trace, iterations, converged);
    }

    /**
     * Builds the result from the trained parts wherever they live (used by distributed trainers, which gather
     * only the feature-sized outputs).
     *
     * @param data       the training data (names; the model was trained on its preparation)
     * @param st         the final factor state
     * @param perView    variance-explained sums per view of the final state (merged in block order)
     * @param w          E[W] per view, D_m x K in the state's (internal) factor order; see {@link FeatureBlock#weightRow}
     * @param tau        E[tau] per view, D_m x G; see {@link FeatureBlock#tauRow}
     */
    public static MofaResult of(MofaData data, FactorState st, VarianceStatistics[] perView, double[][][] w,
                                double[][][] tau, List<ElboRecord> trace, int iterations, boolean converged) {
        VarianceExplained raw = VarianceExplained.of(perView);
        int[] localOrder = raw.factorOrder();
        int K = st.K, G = st.G, M = st.M, N = st.N;
        SampleLayout layout = st.layout;
        double[][][] z = new double[G][][];
        for (int g = 0; g < G; g++) {
            z[g] = new double[layout.size(g)][K];
            for (int i = 0; i < layout.size(g); i++)
                for (int k = 0; k < K; k++) z[g][i][k] = st.zMean[localOrder[k] * N + layout.start(g) + i];
        }
        double[][][] ws = new double[M][][];
        double[][][] ts = new double[M][][];
        for (int m = 0; m < M; m++) {
            ws[m] = new double[st.D[m]][K];
            ts[m] = new double[st.D[m]][];
            for (int d = 0; d < st.D[m]; d++) {
                for (int k = 0; k < K; k++) ws[m][d][k] = w[m][d][localOrder[k]];
                ts[m][d] = tau[m][d].clone();
            }
        }
        double[][] aw = null, th = null, az = null;
        if (st.alphaW[0] != null) aw = new double[M][K];
        if (st.thetaW[0] != null) th = new double[M][K];
        for (int m = 0; m < M; m++)
            for (int k = 0; k < K; k++) {
                if (aw != null) aw[m][k] = st.alphaW[m].e[localOrder[k]];
                if (th != null) th[m][k] = st.thetaW[m].e[localOrder[k]];
            }
        if (st.alphaZ != null) {
            az = new double[G][K];
            for (int g = 0; g < G; g++)
                for (int k = 0; k < K; k++) az[g][k] = st.alphaZ.e[g * K + localOrder[k]];
        }
        int[] order = new int[K];
        for (int k = 0; k < K; k++) order[k] = st.factorIds[localOrder[k]];
        return new MofaResult(data, order, z, ws, raw.reorder(localOrder), ts, aw, th, az, trace,
                iterations, converged);
    }

    public MofaData data() { return data; }

    public int numFactors() { return factorOrder.length; }

    /** "Factor1" .. "FactorK" (saved order). */
    public static String factorName(int k) { return "Factor" + (k + 1); }

    /** factorOrder()[k] = internal index (0-based, initialisation order) of saved factor k. */
    public int[] factorOrder() { return factorOrder.clone(); }

    /** E[Z] of group g: N_g x K, saved factor order. */
    public double[][] z(int g) { return deepCopy(z[g]); }

    /** E[W] of view m: D_m x K, saved factor order. */
    public double[][] w(int m) { return deepCopy(w[m]); }

    /** Variance explained in percent, saved factor order. */
    public VarianceExplained varianceExplained() { return r2; }

    /** E[tau] of view m: D_m x G. */
    public double[][] tau(int m) { return deepCopy(tau[m]); }

    /** E[alpha^W], M x K (null without ARD on weights). */
    public double[][] alphaW() { return alphaW == null ? null : deepCopy(alphaW); }

    /** E[theta^W], M x K (null without spike-slab weights). */
    public double[][] thetaW() { return thetaW == null ? null : deepCopy(thetaW); }

    /** E[alpha^Z], G x K (null without ARD on factors). */
    public double[][] alphaZ() { return alphaZ == null ? null : deepCopy(alphaZ); }

    /**
     * ELBO after every evaluated iteration, starting with iteration 0 (before training). Unlike mofapy2's
     * training_stats this includes the converging iteration.
     */
    public List<ElboRecord> elboTrace() { return trace; }

    /** Number of iterations run. */
    public int iterations() { return iterations; }

    public boolean converged() { return converged; }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
