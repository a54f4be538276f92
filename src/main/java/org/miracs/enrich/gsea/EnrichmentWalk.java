package org.miracs.enrich.gsea;

/**
 * decoupler's running-sum ES ({@code _esrank}, weight exponent 1) in its exact floating-point
 * operation order, plus a closed-form evaluation from sorted hit ranks used for the nulls.
 *
 * <p>Walk: {@code sum_set} = sum of |r| over hits in rank order; at a hit
 * {@code cum += |r_i| / sum_set}, otherwise {@code cum -= dec} with {@code dec = 1/(N-k)};
 * {@code mx_pos}, {@code mx_neg} start at 0 and update on strict &gt; / &lt;;
 * ES = mx_pos if mx_pos &gt; -mx_neg else mx_neg (an exact tie goes negative).
 */
final class EnrichmentWalk {
    private EnrichmentWalk() {
    }

    /** decoupler's {@code dec}; 0 when the set covers every feature (no misses, never used). */
    static double dec(int n, int k) {
        return n > k ? 1.0 / (n - k) : 0.0;
    }

    /** Sequential sum of |r| over hits (decoupler's {@code sum_set}). */
    static double sumSet(double[] absR, int[] pos, int off, int k) {
        double s = 0;
        for (int j = 0; j < k; j++) {
            s += absR[pos[off + j]];
        }
        return s;
    }

    /**
     * Observed ES with decoupler's exact arithmetic and the rank of the extreme
     * ({@code jOut[0]}); {@code hits} sorted ascending.
     */
    static double observed(double[] absR, int n, int[] hits, double dec, int[] jOut) {
        int k = hits.length;
        double sum = sumSet(absR, hits, 0, k);
        if (sum == 0.0) {
            jOut[0] = 0;
            return 0.0;
        }
        double cum = 0;
        double mxPos = 0;
        double mxNeg = 0;
        int jPos = 0;
        int jNeg = 0;
        int h = 0;
        for (int i = 0; i < n; i++) {
            if (h < k && hits[h] == i) {
                cum += absR[i] / sum;
                h++;
            } else {
                cum -= dec;
            }
            if (cum > mxPos) {
                mxPos = cum;
                jPos = i;
            }
            if (cum < mxNeg) {
                mxNeg = cum;
                jNeg = i;
            }
        }
        if (mxPos > -mxNeg) {
            jOut[0] = jPos;
            return mxPos;
        }
        jOut[0] = jNeg;
        return mxNeg;
    }

    /**
     * ES of the hit ranks {@code pos[off..off+k)} (sorted) with decoupler's exact arithmetic,
     * without the extreme's rank. Runs of misses are subtracted in a tight loop: during a run the
     * sum only decreases, so only its last value can update mx_neg and none can update mx_pos.
     */
    static double exact(double[] absR, int n, int[] pos, int off, int k, double sum, double dec) {
        if (sum == 0.0) {
            return 0.0;
        }
        double cum = 0;
        double mxPos = 0;
        double mxNeg = 0;
        int i = 0;
        for (int j = 0; j < k; j++) {
            int p = pos[off + j];
            if (p > i) {
                for (; i < p; i++) {
                    cum -= dec;
                }
                if (cum < mxNeg) {
                    mxNeg = cum;
                }
            }
            cum += absR[p] / sum;
            i = p + 1;
            if (cum > mxPos) {
                mxPos = cum;
            }
        }
        if (i < n) {
            for (; i < n; i++) {
                cum -= dec;
            }
            if (cum < mxNeg) {
                mxNeg = cum;
            }
        }
        return mxPos > -mxNeg ? mxPos : mxNeg;
    }
}
