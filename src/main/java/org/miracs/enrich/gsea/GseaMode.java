package org.miracs.enrich.gsea;

/** How the permutation null is built. */
public enum GseaMode {
    /**
     * decoupler 2.0.4 bit-for-bit: permutation t is numpy {@code default_rng(seed)}'s t-th
     * {@code shuffle(arange(N))} (decoupler's {@code _ridx}), shared by every set; each set's null
     * is the ES of its members' permuted ranks. Identical ES and p-values to decoupler given the
     * same seed and feature order; NES equal to ~1e-15.
     */
    EXACT,
    /**
     * fgsea's trick: each permutation draws one random ordered sample of the largest set's size
     * and a set of size k uses its first k elements, so one pass gives the null of every set
     * size at once (the null depends on the set only through k). Same null distribution as
     * EXACT, different random stream; results agree within Monte-Carlo error.
     */
    FAST
}
