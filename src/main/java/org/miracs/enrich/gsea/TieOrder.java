package org.miracs.enrich.gsea;

/** Order of features with equal scores in the ranked list (only matters for ties). */
public enum TieOrder {
    /**
     * decoupler 2.0.4: features are first column-permuted by numpy
     * {@code default_rng(0).choice(N, N, replace=False)} ({@code break_ties}), then ranked by
     * numba's (unstable) quicksort {@code argsort(-score)}.
     */
    DECOUPLER,
    /** Stable: tied features keep their input order. */
    INPUT_ORDER
}
