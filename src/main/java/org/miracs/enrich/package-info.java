/**
 * Phase 3 on Spark: MoA enrichment of ranked lists spread over the executors, and the cross-lineage
 * associations. The numerical core is the pure {@link org.miracs.enrich.gsea} package.
 *
 * <ul>
 *   <li>{@link org.miracs.enrich.EnrichStage}: pipeline stage; reads
 *       {@link org.miracs.correlate.Correlations#KEY} and the harmonised MoA sets, writes
 *       {@code enrich/enrichment}, {@code enrich/cross_lineage_associations} (+ TSV), puts
 *       {@link org.miracs.enrich.EnrichmentResults#KEY}.</li>
 *   <li>{@link org.miracs.enrich.EnrichmentCalls}: a samples x features matrix (one decoupler call) to
 *       {@link org.miracs.enrich.EnrichmentUnit}s, with decoupler's input filtering.</li>
 *   <li>{@link org.miracs.enrich.DistributedGsea}: units (rows) to result rows on the executors;
 *       results depend only on (seed, call, sample) and the unit's data, never on partitioning.</li>
 *   <li>{@link org.miracs.enrich.CrossLineageAssociations}: threshold and percentile rules (pure).</li>
 *   <li>{@link org.miracs.enrich.RankedListInputs} / {@link org.miracs.enrich.RankedListEnrichment}:
 *       {@code bin/miracs enrich} on long CSVs.</li>
 * </ul>
 */
package org.miracs.enrich;
