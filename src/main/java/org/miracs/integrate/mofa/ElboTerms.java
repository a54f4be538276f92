package org.miracs.integrate.mofa;

/**
 * The ELBO split by node as mofapy2 reports it (training_stats elbo_terms).
 * Terms of nodes the model does not have are 0.
 */
public record ElboTerms(double z, double w, double tau, double y, double alphaZ, double alphaW, double thetaW) {

    /** Sum in mofapy2's node order. */
    public double total() {
        return z + w + tau + y + alphaZ + alphaW + thetaW;
    }
}
