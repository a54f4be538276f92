package org.miracs.interpret;

import org.apache.commons.math3.special.Beta;

/**
 * Student t tail probabilities through the regularized incomplete beta function (commons-math3),
 * {@code P(|T| > t) = I_{df/(df+t^2)}(df/2, 1/2)}, which keeps full relative precision in the far
 * tail (scipy's {@code 2 * t.sf(|t|, df)}).
 */
final class TDistribution {

    private TDistribution() {
    }

    /** Two-sided p-value {@code 2 * sf(|t|, df)}; NaN for NaN t. */
    static double twoSided(double t, double df) {
        if (Double.isNaN(t) || !(df > 0)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        if (t == 0) {
            return 1.0;
        }
        double x = df / (df + t * t);
        return Beta.regularizedBeta(x, 0.5 * df, 0.5, 1e-15, Integer.MAX_VALUE);
    }

    /** {@code cdf(t, df)}. */
    static double cdf(double t, double df) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        double half = 0.5 * twoSided(t, df);
        return t < 0 ? half : 1.0 - half;
    }

    /** {@code sf(t, df)} = upper tail. */
    static double sf(double t, double df) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        double half = 0.5 * twoSided(t, df);
        return t > 0 ? half : 1.0 - half;
    }
}
