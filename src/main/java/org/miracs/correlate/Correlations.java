package org.miracs.correlate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.miracs.pipeline.ArtifactKey;
import org.miracs.schema.Tables;

/** What phase 2 hands to phase 3: the factor x drug correlations as written, schema {@link Tables#CORRELATIONS}. */
public record Correlations(Dataset<Row> table) {
    public static final ArtifactKey<Correlations> KEY = ArtifactKey.of("correlations", Correlations.class);
}
