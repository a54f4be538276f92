package org.miracs.enrich;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.miracs.pipeline.ArtifactKey;
import org.miracs.schema.Tables;

/**
 * What phase 3 hands to phase 4, as written: {@link Tables#ENRICHMENT} and
 * {@link Tables#CROSS_LINEAGE_ASSOCIATIONS}.
 */
public record EnrichmentResults(Dataset<Row> enrichment, Dataset<Row> crossLineageAssociations) {
    public static final ArtifactKey<EnrichmentResults> KEY = ArtifactKey.of("enrichment", EnrichmentResults.class);
}
