package org.miracs.interpret;

import java.util.Arrays;

/**
 * {@code numpy.percentile(a, q)} with numpy's default {@code method='linear'} (type 7 of Hyndman
 * and Fan): q/100 -> virtual index h = (n-1)·q/100 over the sorted values, linear interpolation
 * between the neighbours with numpy's two-sided lerp ({@code a + (b-a)·g} for g < 0.5,
 * {@code b - (b-a)·(1-g)} otherwise), so results agree with numpy to the last bit.
 * NaN values are dropped first (numpy's {@code nanpercentile}, pandas' {@code quantile}).
 */
public final class Percentile {

    private Percentile() {
    }

    /** The q-th percentile (0 <= q <= 100) of the finite values; NaN when there are none. */
    public static double of(double[] values, double q) {
        if (!(q >= 0 && q <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], got " + q);
        }
        double[] a = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return ofSorted(a, q / 100.0);
    }

    /** Quantile {@code p} in [0, 1] of already sorted, NaN-free values. */
    static double ofSorted(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double virtual = (n - 1) * p;
        int prev;
        int next;
        if (virtual >= n - 1) {
            prev = n - 1;
            next = n - 1;
        } else if (virtual < 0) {
            prev = 0;
            next = 0;
        } else {
            prev = (int) Math.floor(virtual);
            next = prev + 1;
        }
        double gamma = virtual - Math.floor(virtual);
        double a = sorted[prev];
        double b = sorted[next];
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }
}
