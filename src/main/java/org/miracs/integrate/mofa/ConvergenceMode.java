package org.miracs.integrate.mofa;

/**
 * mofapy2's {@code convergence_mode}: training stops when {@code 100 * |deltaELBO / ELBO_0|} falls
 * below {@link #percentThreshold()} on two consecutive ELBO evaluations (BayesNet.assess_convergence).
 */
public enum ConvergenceMode {
    FAST(0.0005),
    MEDIUM(0.00005),
    SLOW(0.000005);

    private final double percentThreshold;

    ConvergenceMode(double percentThreshold) {
        this.percentThreshold = percentThreshold;
    }

    /** Threshold on {@code 100 * |delta / ELBO_0|} (i.e. in percent of the initial ELBO). */
    public double percentThreshold() {
        return percentThreshold;
    }

    /** Parses "fast" / "medium" / "slow" (case-insensitive). */
    public static ConvergenceMode parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
