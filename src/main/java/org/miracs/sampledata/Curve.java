package org.miracs.sampledata;

import java.util.SplittableRandom;

/**
 * Four-parameter log-logistic curve consistent with a given AUC, in the PRISM secondary-screen parametrisation:
 * viability(x) = lower + (upper - lower) / (1 + 2^(slope * (x - log2 ec50))) on x = log2(dose in uM), 8 doses in
 * 4-fold steps from 10 uM, AUC = mean viability over that log2-dose range.
 */
final class Curve {
    private Curve() {
    }

    static final double X_MAX = StrictMath.log(10.0) / StrictMath.log(2.0);
    static final double WIDTH = 14.0; // 7 steps of 4-fold = 14 log2 units
    static final double X_MIN = X_MAX - WIDTH;
    private static final double LN2 = StrictMath.log(2.0);

    static final int UPPER = 0;
    static final int LOWER = 1;
    static final int SLOPE = 2;
    static final int R2 = 3;
    static final int EC50 = 4;
    static final int IC50 = 5;

    private static double softplus(double t) {
        return t > 35 ? t : t < -35 ? StrictMath.exp(t) : StrictMath.log1p(StrictMath.exp(t));
    }

    private static double sigmoid(double t) {
        return 1.0 / (1.0 + StrictMath.exp(-t));
    }

    /** Fraction of the range above lower, as a function of the inflection c (increasing in c). */
    static double fraction(double c, double k) {
        double fMax = X_MAX - softplus(k * (X_MAX - c)) / k;
        double fMin = X_MIN - softplus(k * (X_MIN - c)) / k;
        return (fMax - fMin) / WIDTH;
    }

    /** Fills {@code out} (upper, lower, slope, r2, ec50, ic50; NaN = NA) for a curve whose AUC is {@code auc}. */
    static void fit(double auc, SplittableRandom r, double[] out) {
        double upper = auc < 0.95 ? 1.0 : auc + Rand.uniform(r, 0.03, 0.25);
        double u = r.nextDouble();
        double lower = auc * 0.9 * StrictMath.pow(u, 0.7);
        double slope = StrictMath.exp(Rand.uniform(r, StrictMath.log(0.5), StrictMath.log(4.0)));
        double k = slope * LN2;
        double phi = (auc - lower) / (upper - lower);
        double lo = X_MIN - 40;
        double hi = X_MAX + 40;
        double c = X_MIN + phi * WIDTH;
        for (int it = 0; it < 60; it++) {
            double g = fraction(c, k) - phi;
            if (Math.abs(g) < 1e-12) {
                break;
            }
            if (g > 0) {
                hi = c;
            } else {
                lo = c;
            }
            double d = (sigmoid(k * (X_MAX - c)) - sigmoid(k * (X_MIN - c))) / WIDTH;
            double next = d > 1e-12 ? c - g / d : Double.NaN;
            c = (next > lo && next < hi) ? next : 0.5 * (lo + hi);
        }
        out[UPPER] = upper;
        out[LOWER] = lower;
        out[SLOPE] = slope;
        double r2 = 1.0 - Math.abs(0.12 * Rand.gaussian(r)) - 0.6 * Math.max(0.0, auc - 0.85);
        out[R2] = Math.min(0.999, Math.max(0.01, r2));
        boolean flat = lower > 0.9;
        out[EC50] = flat ? Double.NaN : StrictMath.pow(2.0, c);
        if (!flat && lower < 0.5 && upper > 0.5) {
            double x50 = c + (StrictMath.log((upper - lower) / (0.5 - lower) - 1.0) / LN2) / slope;
            out[IC50] = StrictMath.pow(2.0, x50);
        } else {
            out[IC50] = Double.NaN;
        }
    }

    /** AUC implied by parameters (for tests). */
    static double auc(double upper, double lower, double slope, double ec50) {
        double c = StrictMath.log(ec50) / LN2;
        return lower + (upper - lower) * fraction(c, slope * LN2);
    }
}
