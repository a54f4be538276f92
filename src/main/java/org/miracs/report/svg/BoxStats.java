package org.miracs.report.svg;

import java.util.Arrays;

/**
 * Summary of one box: quartiles (numpy's linear interpolation), Tukey whiskers (the most extreme
 * values within 1.5 IQR of the box) and the count.
 */
public record BoxStats(long n, double lowerWhisker, double q1, double median, double q3, double upperWhisker) {

    public static BoxStats of(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return new BoxStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double q1 = quantile(v, 0.25);
        double q3 = quantile(v, 0.75);
        double iqr = q3 - q1;
        double lo = v[0];
        double hi = v[v.length - 1];
        for (double x : v) {
            if (x >= q1 - 1.5 * iqr) {
                lo = x;
                break;
            }
        }
        for (int i = v.length - 1; i >= 0; i--) {
            if (v[i] <= q3 + 1.5 * iqr) {
                hi = v[i];
                break;
            }
        }
        return new BoxStats(v.length, lo, q1, quantile(v, 0.5), q3, hi);
    }

    /** Quantile of sorted values, linear interpolation (numpy's default). */
    public static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]);
    }
}
