package org.miracs.integrate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.miracs.pipeline.ArtifactKey;
import org.miracs.schema.Tables;

/**
 * What phase 1 hands to the later phases, as written to Parquet: factor values per (group, sample,
 * factor) and weights per (view, feature, factor), schemas {@link Tables#FACTORS} and {@link Tables#WEIGHTS}.
 */
public record MofaOutputs(Dataset<Row> factors, Dataset<Row> weights, Dataset<Row> varianceExplained) {
    public static final ArtifactKey<MofaOutputs> KEY = ArtifactKey.of("mofa", MofaOutputs.class);
}
