package org.miracs.enrich.gsea;

/** Per-set null summaries accumulated over the permutations. */
final class NullStats {
    final int[] nPos;
    final double[] sumPos;
    final double[] sumNeg;
    /** same-sign nulls at least as extreme as the observed ES. */
    final int[] count;
    int permutations;

    NullStats(int sets) {
        nPos = new int[sets];
        sumPos = new double[sets];
        sumNeg = new double[sets];
        count = new int[sets];
    }
}
