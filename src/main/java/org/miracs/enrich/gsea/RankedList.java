package org.miracs.enrich.gsea;

import org.miracs.stats.IndexSort;
import org.miracs.stats.random.NumpyGenerator;

/** One unit's scores sorted descending: rank i holds feature {@code rankToFeature[i]}. */
final class RankedList {
    final int n;
    /** |r_i| in rank order. */
    final double[] absR;
    final int[] rankToFeature;
    final int[] featureToRank;

    private RankedList(double[] absR, int[] rankToFeature) {
        this.n = absR.length;
        this.absR = absR;
        this.rankToFeature = rankToFeature;
        this.featureToRank = new int[n];
        for (int i = 0; i < n; i++) {
            featureToRank[rankToFeature[i]] = i;
        }
    }

    /** Scores must be finite (and already float32-rounded if that is wanted). */
    static RankedList of(double[] scores, TieOrder tieOrder) {
        int n = scores.length;
        int[] rankToFeature;
        if (tieOrder == TieOrder.DECOUPLER) {
            // break_ties: mat[:, idx] with idx = default_rng(0).choice(n, n, replace=False)
            int[] colOrder = new NumpyGenerator(0L).choicePermutation(n);
            double[] neg = new double[n];
            for (int q = 0; q < n; q++) {
                neg[q] = -scores[colOrder[q]];
            }
            int[] idx = NumbaQuicksort.argsort(neg);
            rankToFeature = new int[n];
            for (int i = 0; i < n; i++) {
                rankToFeature[i] = colOrder[idx[i]];
            }
        } else {
            double[] neg = new double[n];
            for (int q = 0; q < n; q++) {
                neg[q] = -scores[q];
            }
            rankToFeature = IndexSort.ascending(neg);
        }
        double[] absR = new double[n];
        for (int i = 0; i < n; i++) {
            absR[i] = Math.abs(scores[rankToFeature[i]]);
        }
        return new RankedList(absR, rankToFeature);
    }
}
