package org.miracs.enrich.gsea;

import java.util.List;

/**
 * One set's enrichment in one unit.
 *
 * @param set              set name
 * @param size             members present among the ranked features (k)
 * @param es               enrichment score (running-sum extreme, decoupler's definition)
 * @param nes              normalized ES: ES / |mean of same-sign nulls| (sign kept); 0 if no null
 *                         has the ES's sign; equal to ES when permutations &lt;= 1 (decoupler's score)
 * @param pValue           empirical p over the same-sign nulls (1 if none)
 * @param pAdj             Benjamini-Hochberg across the unit's sets (scipy arithmetic)
 * @param leadingEdge      members up to the extreme (ES &gt; 0: ranks 0..j ascending; otherwise ranks
 *                         j..N-1, bottom first), as {@code dc.pl.leading_edge}
 * @param leadingEdgeRank  j, the 0-based rank of the running-sum extreme
 * @param nullPositive     nulls &gt;= 0
 * @param nullNegative     nulls &lt; 0
 */
public record GseaResult(String set, int size, double es, double nes, double pValue, double pAdj,
                         List<String> leadingEdge, int leadingEdgeRank, int nullPositive, int nullNegative) {
    public GseaResult {
        leadingEdge = List.copyOf(leadingEdge);
    }
}
