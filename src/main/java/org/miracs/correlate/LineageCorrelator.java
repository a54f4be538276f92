package org.miracs.correlate;

import java.util.ArrayList;
import java.util.List;
import org.miracs.stats.IndexSort;
import org.miracs.stats.Ranks;
import org.miracs.stats.SpearmanCorrelation;

/**
 * All factor x drug Spearman correlations of one lineage (pure function, no Spark).
 *
 * <p>Inputs are aligned by line (cell line) index: {@code factorValues[f][line]} (MOFA factor
 * values Z) and {@code auc[d][line]} (drug response), NaN = missing. Each pair uses its
 * pairwise-complete lines, average ranks for ties, rho = Pearson correlation of the ranks and
 * the t-distribution p-value ({@link SpearmanCorrelation}); results equal
 * {@code scipy.stats.spearmanr} on the pair's shared lines.
 *
 * <p>Speed: every factor and every drug is sorted once; a pair's ranks are then read off the
 * presorted orders restricted to the shared lines in O(lines), and when a factor has no missing
 * value among the drug's lines the drug's precomputed ranks are reused.
 * Immutable and thread-safe.
 */
public final class LineageCorrelator {
    private final CorrelationOptions options;

    public LineageCorrelator(CorrelationOptions options) {
        this.options = options;
    }

    public CorrelationOptions options() {
        return options;
    }

    /**
     * @return rows in factor-major order (all drugs of factor 0, then factor 1, ...); pairs failing
     *         a filter are omitted unless {@link CorrelationOptions#includeFiltered()}
     */
    public List<FactorDrugCorrelation> correlate(String[] factorIds, double[][] factorValues,
                                                 String[] drugIds, double[][] auc) {
        int nF = factorIds.length;
        int nD = drugIds.length;
        if (factorValues.length != nF || auc.length != nD) {
            throw new IllegalArgumentException("ids and value arrays differ in length");
        }
        int nL = nF > 0 ? factorValues[0].length : (nD > 0 ? auc[0].length : 0);
        for (double[] v : factorValues) {
            checkLength(v, nL);
        }
        for (double[] v : auc) {
            checkLength(v, nL);
        }
        Presorted[] factors = new Presorted[nF];
        for (int f = 0; f < nF; f++) {
            factors[f] = new Presorted(factorValues[f]);
        }
        Presorted[] drugs = new Presorted[nD];
        for (int d = 0; d < nD; d++) {
            drugs[d] = new Presorted(auc[d]);
        }
        double[] rf = new double[nL];
        double[] rd = new double[nL];
        boolean[] shared = new boolean[nL];
        int[] tmpOrder = new int[nL];
        List<FactorDrugCorrelation> out = new ArrayList<>(nF * nD);
        for (int f = 0; f < nF; f++) {
            Presorted pf = factors[f];
            for (int d = 0; d < nD; d++) {
                Presorted pd = drugs[d];
                int n = 0;
                for (int l = 0; l < nL; l++) {
                    shared[l] = pf.valid[l] && pd.valid[l];
                    n += shared[l] ? 1 : 0;
                }
                boolean pass = n > options.minSharedLines();
                if (pass) {
                    int distinct = options.distinctScope() == CorrelationOptions.DistinctScope.DRUG_LINES
                        ? pd.distinct
                        : distinctOn(pd, shared);
                    pass = distinct > options.minDistinctAuc();
                }
                if (!pass) {
                    if (options.includeFiltered()) {
                        out.add(new FactorDrugCorrelation(factorIds[f], drugIds[d], Double.NaN, Double.NaN, n));
                    }
                    continue;
                }
                // drug ranks: reuse when the shared lines are all of the drug's lines
                double[] drugRanks;
                if (n == pd.nValid) {
                    drugRanks = pd.ranks;
                } else {
                    pd.ranksOn(shared, tmpOrder, rd);
                    drugRanks = rd;
                }
                double[] factorRanks;
                if (n == pf.nValid) {
                    factorRanks = pf.ranks;
                } else {
                    pf.ranksOn(shared, tmpOrder, rf);
                    factorRanks = rf;
                }
                double rho = rho(factorRanks, drugRanks, shared, n);
                out.add(new FactorDrugCorrelation(factorIds[f], drugIds[d], rho,
                    SpearmanCorrelation.pValue(rho, n), n));
            }
        }
        return out;
    }

    private static void checkLength(double[] v, int nL) {
        if (v.length != nL) {
            throw new IllegalArgumentException("all value arrays must have one entry per line (" + nL + ")");
        }
    }

    /** Pearson of ranks over the shared lines, in line order, as {@link SpearmanCorrelation#rhoFromRanks}. */
    private static double rho(double[] rx, double[] ry, boolean[] shared, int n) {
        double mean = 0.5 * (n + 1);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int l = 0; l < shared.length; l++) {
            if (shared[l]) {
                double dx = rx[l] - mean;
                double dy = ry[l] - mean;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }
        return SpearmanCorrelation.rhoFromSums(sxy, sxx, syy, n);
    }

    private static int distinctOn(Presorted p, boolean[] shared) {
        int d = 0;
        double prev = Double.NaN;
        boolean first = true;
        for (int q = 0; q < p.nValid; q++) {
            int l = p.order[q];
            if (shared[l]) {
                double v = p.values[l];
                if (first || v != prev) {
                    d++;
                }
                prev = v;
                first = false;
            }
        }
        return d;
    }

    /** One variable's non-missing lines sorted once, with its average ranks over all of them. */
    private static final class Presorted {
        final double[] values;
        final boolean[] valid;
        final int nValid;
        /** non-missing line indices, ascending by value. */
        final int[] order;
        /** average ranks over all non-missing lines (indexed by line; NaN where missing). */
        final double[] ranks;
        final int distinct;

        Presorted(double[] values) {
            this.values = values;
            int nL = values.length;
            valid = new boolean[nL];
            int c = 0;
            for (int l = 0; l < nL; l++) {
                valid[l] = !Double.isNaN(values[l]);
                c += valid[l] ? 1 : 0;
            }
            nValid = c;
            int[] all = IndexSort.ascending(values); // NaN last
            order = java.util.Arrays.copyOf(all, c);
            ranks = new double[nL];
            java.util.Arrays.fill(ranks, Double.NaN);
            Ranks.averageInOrder(values, order, c, ranks);
            int dd = 0;
            for (int q = 0; q < c; q++) {
                if (q == 0 || values[order[q]] != values[order[q - 1]]) {
                    dd++;
                }
            }
            distinct = dd;
        }

        /** Average ranks among the {@code shared} lines only, into {@code out[line]}. */
        void ranksOn(boolean[] shared, int[] tmpOrder, double[] out) {
            int m = 0;
            for (int q = 0; q < nValid; q++) {
                int l = order[q];
                if (shared[l]) {
                    tmpOrder[m++] = l;
                }
            }
            Ranks.averageInOrder(values, tmpOrder, m, out);
        }
    }
}
