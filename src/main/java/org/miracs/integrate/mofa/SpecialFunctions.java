package org.miracs.integrate.mofa;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/** digamma, ln Gamma and ln B (commons-math3, which Spark ships). */
final class SpecialFunctions {
    private SpecialFunctions() {
    }

    static double digamma(double x) {
        return Gamma.digamma(x);
    }

    static double lnGamma(double x) {
        return Gamma.logGamma(x);
    }

    static double lnBeta(double a, double b) {
        return Beta.logBeta(a, b);
    }
}
