package org.miracs.integrate.mofa;

/**
 * Noise model of one view.
 *
 * <p>Only the Gaussian likelihood (mofapy2 {@code Y_Node} + {@code TauD_Node}) is implemented. The
 * non-Gaussian likelihoods of mofapy2 (Bernoulli via the Jaakkola bound, Poisson via the
 * Seeger-Bouchard bound) would plug in here as further constants: each of them replaces the observed
 * data by pseudo-data and the per-(group, feature) precision by a per-entry one that is refreshed at
 * the start of every iteration (mofapy2 schedule node {@code Y}), before the W update. In this package
 * that refresh would be a new step of {@link FeatureBlock} executed before
 * {@link FeatureBlock#updateWeights}; the W/Z updates themselves only see "data" and "precision" and
 * stay unchanged. They are left out on purpose, with no placeholder code.
 */
public enum Likelihood {
    /** y ~ N(z.w, 1/tau_gd) with a Gamma(1e-3, 1e-3) prior on tau per group and feature. */
    GAUSSIAN;

    /** mofapy2 centres (and optionally scales) only Gaussian views. */
    public boolean isCentred() {
        return this == GAUSSIAN;
    }
}
