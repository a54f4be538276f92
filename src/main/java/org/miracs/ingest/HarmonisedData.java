package org.miracs.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.miracs.pipeline.ArtifactKey;
import org.miracs.schema.Tables;

/**
 * The harmonised inputs of MIRACS, as written to Parquet (schemas in {@link Tables}): the lines with
 * their lineage groups, the omics values in long form, and the drug responses with MoA annotations.
 */
public record HarmonisedData(Dataset<Row> samples, Dataset<Row> features, Dataset<Row> omics,
                             Dataset<Row> drugResponse, Dataset<Row> drugs, Dataset<Row> moaSets) {
    public static final ArtifactKey<HarmonisedData> KEY = ArtifactKey.of("harmonised", HarmonisedData.class);
    public static final String VIEW_RNA = "rna";
    public static final String VIEW_PROTEIN = "protein";
}
