package org.miracs.stats;

/**
 * Ranks with ties averaged, as {@code scipy.stats.rankdata(x, method='average')}: 1-based,
 * a block of tied values gets the mean of the ranks it spans.
 */
public final class Ranks {
    private Ranks() {
    }

    /** Average ranks of {@code x}; NaN is rejected (scipy would propagate it to every rank). */
    public static double[] average(double[] x) {
        for (double v : x) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("NaN in rank input");
            }
        }
        int[] order = IndexSort.ascending(x);
        double[] out = new double[x.length];
        averageInOrder(x, order, x.length, out);
        return out;
    }

    /**
     * Average ranks given an ascending order: {@code order[0..n)} lists positions of
     * {@code values} ascending; writes rank of {@code order[q]} into {@code out[order[q]]}.
     */
    public static void averageInOrder(double[] values, int[] order, int n, double[] out) {
        int i = 0;
        while (i < n) {
            int j = i + 1;
            double v = values[order[i]];
            while (j < n && values[order[j]] == v) {
                j++;
            }
            // positions i..j-1 (0-based) tie: ranks i+1..j, mean (i+1+j)/2
            double r = 0.5 * (i + 1 + j);
            for (int q = i; q < j; q++) {
                out[order[q]] = r;
            }
            i = j;
        }
    }

    /** Number of distinct non-NaN values. */
    public static int distinctCount(double[] x) {
        double[] c = java.util.Arrays.stream(x).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int d = 0;
        for (int i = 0; i < c.length; i++) {
            if (i == 0 || c[i] != c[i - 1]) {
                d++;
            }
        }
        return d;
    }
}
