package org.miracs.integrate.mofa;

/**
 * Progress of one training iteration.
 *
 * @param iteration     1-based iteration (0 = before training)
 * @param elbo          ELBO after the iteration (NaN if not computed at this iteration)
 * @param deltaElbo     ELBO change since the previous evaluation (NaN if not computed)
 * @param activeFactors number of factors after the iteration
 * @param seconds       wall time of the iteration including the ELBO
 */
public record IterationReport(int iteration, double elbo, double deltaElbo, int activeFactors, double seconds) {
}
