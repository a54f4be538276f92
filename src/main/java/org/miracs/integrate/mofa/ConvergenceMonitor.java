package org.miracs.integrate.mofa;

/**
 * mofapy2's convergence rule (BayesNet.assess_convergence): a token starts at 1, is incremented when
 * {@code 100 |delta / ELBO_0| < threshold} and reset to 1 otherwise; training has converged when the token
 * reaches 3, i.e. after two consecutive small changes. Uses |delta|, so a slightly decreasing ELBO
 * (after the spike-slab start) also converges.
 */
public final class ConvergenceMonitor {
    private final double percentThreshold;
    private final double elbo0;
    private int token = 1;

    public ConvergenceMonitor(ConvergenceMode mode, double initialElbo) {
        this.percentThreshold = mode.percentThreshold();
        this.elbo0 = initialElbo;
    }

    /** Relative change in percent of the initial ELBO, as mofapy2 prints it. */
    public double relativeChangePercent(double delta) {
        return 100.0 * Math.abs(delta / elbo0);
    }

    /** Records one ELBO change; returns true once converged. */
    public boolean update(double delta) {
        if (relativeChangePercent(delta) < percentThreshold) {
            token++;
            return token == 3;
        }
        token = 1;
        return false;
    }
}
