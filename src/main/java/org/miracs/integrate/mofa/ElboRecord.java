package org.miracs.integrate.mofa;

/**
 * One row of the ELBO trace.
 *
 * @param iteration     0 = before training
 * @param terms         ELBO by node
 * @param activeFactors factors after the iteration
 * @param seconds       wall time of the iteration (0 for iteration 0)
 */
public record ElboRecord(int iteration, ElboTerms terms, int activeFactors, double seconds) {
    public double elbo() {
        return terms.total();
    }
}
