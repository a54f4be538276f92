package org.miracs.correlate;

/**
 * Per-lineage factor x drug correlation filters, as in the authors' {@code compute_correlation}
 * (MIRACS drug_enrichment.py): a pair is correlated only if the drug has more than
 * {@code minDistinctAuc} distinct AUC values and the pair has more than {@code minSharedLines}
 * lines where both values are present. Both comparisons are strict ("&gt;").
 *
 * @param minSharedLines  shared (non-missing in both) lines must be &gt; this (MIRACS: 5)
 * @param minDistinctAuc  distinct AUC values must be &gt; this (MIRACS {@code min_len}: 10)
 * @param distinctScope   over which lines distinct AUC values are counted; the authors count
 *                        over all of the drug's non-missing lines in the lineage
 * @param includeFiltered emit pairs that fail a filter as rows with NaN rho and p (the authors keep
 *                        them as NaN in the matrix); otherwise they are omitted
 */
public record CorrelationOptions(int minSharedLines, int minDistinctAuc, DistinctScope distinctScope,
                                 boolean includeFiltered) {

    /** Where distinct AUC values are counted. */
    public enum DistinctScope {
        /** All lines of the lineage where the drug's AUC is present (the authors' code). */
        DRUG_LINES,
        /** Only the lines shared with the factor. */
        SHARED_LINES
    }

    /** MIRACS: &gt; 5 shared lines, &gt; 10 distinct AUC values over the drug's lines, filtered pairs omitted. */
    public static final CorrelationOptions MIRACS = new CorrelationOptions(5, 10, DistinctScope.DRUG_LINES, false);

    public CorrelationOptions {
        if (minSharedLines < 1) {
            throw new IllegalArgumentException("minSharedLines must be >= 1 (a correlation needs >= 2 pairs)");
        }
        if (minDistinctAuc < 0) {
            throw new IllegalArgumentException("minDistinctAuc must be >= 0");
        }
        if (distinctScope == null) {
            throw new IllegalArgumentException("distinctScope is required");
        }
    }

    public CorrelationOptions withMinSharedLines(int v) {
        return new CorrelationOptions(v, minDistinctAuc, distinctScope, includeFiltered);
    }

    public CorrelationOptions withMinDistinctAuc(int v) {
        return new CorrelationOptions(minSharedLines, v, distinctScope, includeFiltered);
    }

    public CorrelationOptions withDistinctScope(DistinctScope v) {
        return new CorrelationOptions(minSharedLines, minDistinctAuc, v, includeFiltered);
    }

    public CorrelationOptions withIncludeFiltered(boolean v) {
        return new CorrelationOptions(minSharedLines, minDistinctAuc, distinctScope, v);
    }
}
