package org.miracs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miracs.schema.Tables;
import org.miracs.testing.SparkTestBase;

/**
 * Ingestion of the shipped sample-data/ against the counts the generator recorded independently in
 * sample-data/truth/summary.tsv.
 */
class SampleDataIngestTest extends SparkTestBase {
    @TempDir
    Path tmp;

    @Test
    void qcCountsMatchTheGeneratorsBookkeeping() throws IOException {
        Map<String, Long> truth = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("sample-data/truth/summary.tsv"))) {
            String[] kv = line.split("\t");
            if (kv[1].matches("\\d+")) {
                truth.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        Path out = tmp.resolve("out");
        assertEquals(0, IngestStageTest.run("run", "--data-dir", "sample-data", "--out", out.toString()));
        Map<String, Row> qc = new HashMap<>();
        for (Row r : spark().read().parquet(out.resolve(Tables.INGESTION_QC.path()).toString()).collectAsList()) {
            qc.put(r.getString(2) + "|" + r.getString(1), r);
        }
        assertEquals(truth.get("model_rows"), lines(qc, "models|models in Model.csv"));
        assertEquals(truth.get("expression_rows"), lines(qc, "rna|rows in expression file"));
        assertEquals(truth.get("expression_genes"), features(qc, "rna|rows in expression file"));
        assertEquals(truth.get("proteomics_sample_columns"), lines(qc, "protein|rows x sample columns in file"));
        assertEquals(truth.get("proteomics_rows"), features(qc, "protein|rows x sample columns in file"));
        assertEquals(truth.get("proteomics_lines"), lines(qc, "protein|lines after resolving duplicated plexes"));
        assertEquals(truth.get("proteomics_lines") - truth.get("proteomics_unmapped_lines"),
                lines(qc, "protein|lines mapped to a ModelID"));
        assertEquals(truth.get("proteomics_rows_ge50pct_observed"),
                features(qc, "protein|proteins observed in >= 0.5 of lines"));
        assertEquals(truth.get("prism_rows"), features(qc, "prism|curves in file"));
        assertEquals(truth.get("lines_rna_and_proteomics"), lines(qc, "harmonised|lines with RNA and protein"));
        assertEquals(truth.get("lineages_with_proteomics"),
                qc.get("harmonised|lines in lineages with >= 2 lines").<Long>getAs("lineages"));
        assertEquals(truth.get("prism_compounds"), features(qc, "harmonised|lines with drug response"));
        assertEquals(truth.get("prism_moas"), features(qc, "harmonised|MoA sets"));
        Assertions.assertTrue(qc.get("protein|lines after resolving duplicated plexes").<String>getAs("detail").contains(
                "CAL120_BREAST->TenPx28 (preferred); SW948_LARGE_INTESTINE->TenPx20 (preferred); "
                        + "HCT15_LARGE_INTESTINE->TenPx18 (preferred)"));
        List<Row> big = spark().read().parquet(out.resolve(Tables.MOA_SETS.path()).toString())
                .groupBy("moa").count().filter("count >= 6").collectAsList();
        assertEquals(truth.get("prism_moas_ge6_compounds"), (long) big.size());
    }

    private static Long lines(Map<String, Row> qc, String key) {
        return qc.get(key).getAs("lines");
    }

    private static Long features(Map<String, Row> qc, String key) {
        return qc.get(key).getAs("features");
    }
}
