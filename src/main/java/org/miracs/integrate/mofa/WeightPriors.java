package org.miracs.integrate.mofa;

import java.io.Serializable;

/**
 * Per-view, factor-sized quantities the W update of a feature block needs: E[alpha^W_k], E[ln alpha^W_k]
 * (1 and 0 without ARD) and the spike-slab log-odds E[ln theta_k] - E[ln(1 - theta_k)].
 */
public final class WeightPriors implements Serializable {
    private static final long serialVersionUID = 1L;

    final boolean spikeSlab;
    final double[] alphaE;
    final double[] alphaLnE;
    final double[] thetaLnE;
    final double[] thetaLnEInv;

    public WeightPriors(boolean spikeSlab, double[] alphaE, double[] alphaLnE, double[] thetaLnE,
                        double[] thetaLnEInv) {
        this.spikeSlab = spikeSlab;
        this.alphaE = alphaE.clone();
        this.alphaLnE = alphaLnE.clone();
        this.thetaLnE = thetaLnE == null ? null : thetaLnE.clone();
        this.thetaLnEInv = thetaLnEInv == null ? null : thetaLnEInv.clone();
    }

    public int numFactors() { return alphaE.length; }

    public boolean spikeSlab() { return spikeSlab; }
}
