package org.miracs.stats;

/**
 * Benjamini-Hochberg FDR adjustment: sort p ascending, scale the i-th smallest (1-based) by
 * m / i, take the running minimum from the largest down (so adjusted values are monotone in
 * p), cap at 1. NaN entries are ignored (m counts the non-NaN values) and stay NaN.
 *
 * <p>Two float orders exist in the tools MIRACS may be compared against; they can differ in
 * the last ulp: {@link Arithmetic#SCIPY} computes {@code p * (m / i)} as
 * {@code scipy.stats.false_discovery_control(method='bh')} does (what decoupler 2.0.4 uses),
 * {@link Arithmetic#STATSMODELS} computes {@code p / (i / m)} as
 * {@code statsmodels.stats.multitest.multipletests(method='fdr_bh')} does.
 * Immutable and thread-safe.
 */
public final class BenjaminiHochberg {

    public enum Arithmetic { SCIPY, STATSMODELS }

    /** decoupler / scipy arithmetic (the default). */
    public static final BenjaminiHochberg SCIPY = new BenjaminiHochberg(Arithmetic.SCIPY);
    public static final BenjaminiHochberg STATSMODELS = new BenjaminiHochberg(Arithmetic.STATSMODELS);

    private final Arithmetic arithmetic;

    private BenjaminiHochberg(Arithmetic arithmetic) {
        this.arithmetic = arithmetic;
    }

    public static BenjaminiHochberg of(Arithmetic arithmetic) {
        return arithmetic == Arithmetic.SCIPY ? SCIPY : STATSMODELS;
    }

    public Arithmetic arithmetic() {
        return arithmetic;
    }

    /** Adjusted p-values, same order as {@code p}. Throws if a non-NaN p is outside [0, 1]. */
    public double[] adjust(double[] p) {
        int total = p.length;
        int m = 0;
        for (double v : p) {
            if (!Double.isNaN(v)) {
                if (v < 0 || v > 1) {
                    throw new IllegalArgumentException("p-value outside [0,1]: " + v);
                }
                m++;
            }
        }
        double[] out = new double[total];
        java.util.Arrays.fill(out, Double.NaN);
        if (m == 0) {
            return out;
        }
        int[] order = IndexSort.ascending(p); // NaN sorts last
        double[] adj = new double[m];
        for (int i = 0; i < m; i++) {
            double v = p[order[i]];
            int rank = i + 1;
            adj[i] = arithmetic == Arithmetic.SCIPY
                ? v * ((double) m / rank)
                : v / ((double) rank / m);
        }
        for (int i = m - 2; i >= 0; i--) {
            if (adj[i + 1] < adj[i]) {
                adj[i] = adj[i + 1];
            }
        }
        for (int i = 0; i < m; i++) {
            out[order[i]] = Math.min(1.0, adj[i]);
        }
        return out;
    }
}
