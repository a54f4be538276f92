package org.miracs.integrate.mofa;

import java.io.Serializable;

/** Per-block partial sums of the Tau and Y terms of the ELBO (after the Tau update). Mergeable. */
public final class NoiseStatistics implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Tau node: sum over (group, feature) of E_p[ln p(tau)] - E_q[ln q(tau)]. */
    double elboTau;
    /** Y node without the -0.5 N_obs ln(2 pi) constant. */
    double elboY;
    /** Number of observed entries. */
    long observed;

    void reset() {
        elboTau = 0;
        elboY = 0;
        observed = 0;
    }

    public void add(NoiseStatistics o) {
        elboTau += o.elboTau;
        elboY += o.elboY;
        observed += o.observed;
    }

    public double elboTau() { return elboTau; }

    public double elboY() { return elboY; }
}
