package org.miracs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import org.junit.jupiter.api.Assertions;
import static org.miracs.schema.Columns.AUC;
import static org.miracs.schema.Columns.AUC_Z;
import static org.miracs.schema.Columns.BROAD_ID;
import static org.miracs.schema.Columns.FEATURE;
import static org.miracs.schema.Columns.MODEL_ID;
import static org.miracs.schema.Columns.VIEW;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.miracs.cli.MiracsMain;
import org.miracs.schema.Tables;
import org.miracs.testing.SparkTestBase;
import org.miracs.testing.TinyData;

/**
 * The whole ingestion on the hand-made tiny set, whose expected values are worked out by hand in the
 * comments (see src/test/resources/ingest/tiny).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestStageTest extends SparkTestBase {
    private Path tmp;
    private Path out;

    @BeforeAll
    void runOnce(@TempDir Path dir) {
        tmp = dir;
        runBefore();
        Path data = TinyData.copyTo(tmp.resolve("data"));
        out = tmp.resolve("out");
        assertEquals(0, run("run", "--data-dir", data.toString(), "--out", out.toString()));
    }

    /** {@code miracs run} on tiny data: few factors (the tiny set has 8 lines). */
    static int run(String... args) {
        String[] withFactors = java.util.Arrays.copyOf(args, args.length + 2);
        withFactors[args.length] = "--set";
        withFactors[args.length + 1] = "mofa.factors=3";
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MiracsMain.run(withFactors, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
        if (code != 0) {
            System.err.println(err.toString(StandardCharsets.UTF_8));
        }
        return code;
    }

    private Dataset<Row> table(org.miracs.schema.TableDef t) {
        return spark().read().parquet(out.resolve(t.path()).toString());
    }

    @Test
    void samplesAreLinesWithBothOmicsInLineagesOfTwoOrMore() {
        List<Row> rows = table(Tables.SAMPLES).collectAsList();
        // Skin (1 line) and the unassigned lineage (1 line) are dropped; ACH-000011/12 have no proteomics
        assertEquals(List.of("ACH-000007", "ACH-000008", "ACH-000004", "ACH-000005", "ACH-000006",
                "ACH-000001", "ACH-000002", "ACH-000003"), rows.stream().map(r -> r.getString(0)).toList());
        Row es = rows.get(2);
        assertEquals("ES1_STOMACH", es.getAs("ccle_name"));
        assertEquals("Esophagus_Stomach", es.getAs("lineage"));
        assertEquals("Esophagus/Stomach", es.getAs("lineage_name"));
        assertEquals(1, (int) es.getAs("n_drugs"));
        assertEquals(0, (int) rows.get(3).getAs("n_drugs")); // ACH-000005: its only curve failed STR
    }

    @Test
    void omicsKeepPreferredPlexAndDropSparseProteins() {
        Map<String, Double> v = new HashMap<>();
        for (Row r : table(Tables.OMICS).collectAsList()) {
            v.put(r.getString(0) + "|" + r.getString(2) + "|" + r.getString(3), r.getDouble(4));
        }
        assertEquals(8 * 4 + 8 + 4 + 8, v.size()); // rna complete; AAA all 8, BBB 4 observed, CCC 8; DDD dropped
        assertEquals(0.75, v.get("protein|ACH-000007|sp|P00001|AAA_HUMAN")); // SW948 from TenPx20, not TenPx11's 9.0
        assertEquals(4.0, v.get("rna|ACH-000007|TSPAN6 (7105)"));
        assertEquals(4.0, v.get("rna|ACH-000008|SCYL3 (57147)"));
        assertNull(v.get("protein|ACH-000002|sp|P00002|BBB_HUMAN")); // missing stays missing
        Assertions.assertTrue(v.keySet().stream().noneMatch(k -> k.contains("DDD_HUMAN")));
        Dataset<Row> omics = table(Tables.OMICS);
        Row lineage = omics.filter(omics.col(MODEL_ID).equalTo("ACH-000004")).first();
        assertEquals("Esophagus_Stomach", lineage.getAs("lineage"));
    }

    @Test
    void featuresCarryAnnotationsAndObservedFractions() {
        Map<String, Row> f = new HashMap<>();
        for (Row r : table(Tables.FEATURES).collectAsList()) {
            f.put(r.getAs(VIEW) + "|" + r.getAs(FEATURE), r);
        }
        assertEquals(4 + 3, f.size());
        Row tspan = f.get("rna|TSPAN6 (7105)");
        assertEquals("TSPAN6", tspan.getAs("gene_symbol"));
        assertEquals("7105", tspan.getAs("entrez_id"));
        Row bbb = f.get("protein|sp|P00002|BBB_HUMAN");
        assertEquals("BBB", bbb.getAs("gene_symbol"));
        assertEquals("P00002", bbb.getAs("uniprot_acc"));
        // kept: observed in 6 of the 10 mapped proteomics lines; reported: 4 of the 8 harmonised lines
        assertEquals(4.0 / 8, (double) bbb.getAs("observed_fraction"), 1e-12);
        assertNull(f.get("protein|sp|P00003|CCC_HUMAN").getAs("gene_symbol"));
    }

    @Test
    void drugResponseFollowsScreenPriorityAveragesDuplicatesAndZScores() {
        Map<String, Row> r = new HashMap<>();
        for (Row row : table(Tables.DRUG_RESPONSE).collectAsList()) {
            r.put(row.getAs(MODEL_ID) + "|" + row.getAs(BROAD_ID), row);
        }
        assertEquals(7, r.size());
        String a = "BRD-K00000001-001-01-1";
        String b = "BRD-K00000002-001-01-1";
        String c = "BRD-K00000003-001-01-1";
        // drug A: ACH-000001 MTS010 (0.5 + 0.7) / 2 beats its HTS002 0.9; ACH-000002 only HTS002 0.8; ACH-000003 0.4
        // -> mean 0.6, sample SD 0.2 -> z = 0, 1, -1
        assertEquals(0.6, r.get("ACH-000001|" + a).<Double>getAs(AUC), 1e-12);
        assertEquals("MTS010", r.get("ACH-000001|" + a).getAs("screen_id"));
        assertEquals(2, (int) r.get("ACH-000001|" + a).getAs("n_curves"));
        assertEquals(0.0, r.get("ACH-000001|" + a).<Double>getAs(AUC_Z), 1e-12);
        assertEquals(1.0, r.get("ACH-000002|" + a).<Double>getAs(AUC_Z), 1e-12);
        assertEquals(-1.0, r.get("ACH-000003|" + a).<Double>getAs(AUC_Z), 1e-12);
        // drug B: the NA depmap_id row maps through ccle_name ES1_STOMACH to ACH-000004; 1.1, 0.9, 1.0 -> z 1, -1, 0
        assertEquals(0.0, r.get("ACH-000004|" + b).<Double>getAs(AUC_Z), 1e-12);
        assertEquals(1.0, r.get("ACH-000007|" + b).<Double>getAs(AUC_Z), 1e-12);
        // drug C: z-scored over all PRISM lines incl. the dropped Skin line: (0.8 - 0.7) / sqrt(0.02)
        assertEquals(0.1 / Math.sqrt(0.02), r.get("ACH-000006|" + c).<Double>getAs(AUC_Z), 1e-12);
    }

    @Test
    void perCompoundScreenSelectionIsTheAuthorsVariant() {
        Path data = TinyData.copyTo(tmp.resolve("data-per-compound"));
        Path out2 = tmp.resolve("out-per-compound");
        assertEquals(0, run("run", "--data-dir", data.toString(), "--out", out2.toString(),
                "--set", "prism.screen_selection=per_compound"));
        List<Row> rows = spark().read().parquet(out2.resolve(Tables.DRUG_RESPONSE.path()).toString())
                .filter("broad_id = 'BRD-K00000001-001-01-1'").orderBy(MODEL_ID).collectAsList();
        // drug A's screen is MTS010 for every line, so ACH-000002 (HTS002 only) has no AUC
        assertEquals(List.of("ACH-000001", "ACH-000003"), rows.stream().map(x -> x.getString(0)).toList());
    }

    @Test
    void moaSetsPutAMultiMoaDrugInEachSet() {
        List<String> sets = table(Tables.MOA_SETS).collectAsList().stream()
                .map(r -> r.getString(0) + "|" + r.getString(1)).toList();
        assertEquals(List.of("DNA inhibitor|BRD-K00000001-001-01-1", "topoisomerase inhibitor|BRD-K00000001-001-01-1",
                "topoisomerase inhibitor|BRD-K00000002-001-01-1"), sets);
        Row c = table(Tables.DRUGS).filter("broad_id = 'BRD-K00000003-001-01-1'").first();
        assertEquals(0, c.getList(c.fieldIndex("moas")).size());
        assertEquals("drugC", c.getAs("name"));
    }

    @Test
    void qcTableCountsEveryStep() throws Exception {
        String tsv = Files.readString(out.resolve("qc/ingestion_qc.tsv"));
        Assertions.assertTrue(tsv.startsWith("step_index\tstep\tdataset\tlines\tfeatures\tlineages\tdetail\n"), tsv);
        Map<String, Row> qc = new HashMap<>();
        for (Row r : table(Tables.INGESTION_QC).collectAsList()) {
            qc.put(r.getString(2) + "|" + r.getString(1), r);
        }
        assertEquals(13L, qc.get("rna|rows in expression file").<Long>getAs("lines"));
        assertEquals(12L, qc.get("rna|lines in Model.csv").<Long>getAs("lines"));
        assertEquals(11L, qc.get("protein|lines after resolving duplicated plexes").<Long>getAs("lines"));
        assertEquals(10L, qc.get("protein|lines mapped to a ModelID").<Long>getAs("lines"));
        assertEquals(13L, qc.get("prism|curves in file").<Long>getAs("features"));
        assertEquals(8L, qc.get("harmonised|lines in lineages with >= 2 lines").<Long>getAs("lines"));
        assertEquals(3L, qc.get("harmonised|lines in lineages with >= 2 lines").<Long>getAs("lineages"));
        assertEquals(7L, qc.get("harmonised|lines with drug response").<Long>getAs("lines"));
        assertEquals(3L, qc.get("protein|proteins observed in >= 0.5 of lines").<Long>getAs("features"));
        Assertions.assertTrue(Files.exists(out.resolve("_SUCCESS")));
        Assertions.assertTrue(Files.readString(out.resolve("run.json")).contains("\"ingestion_qc\""));
    }

    @Test
    void windowsLineEndingsReadTheSame() {
        Path data = TinyData.copyTo(tmp.resolve("data-crlf"));
        for (String f : List.of(TinyData.MODELS, TinyData.EXPRESSION, TinyData.PROTEOMICS, TinyData.PRISM)) {
            TinyData.edit(data, f, text -> text.replace("\n", "\r\n"));
        }
        Path out2 = tmp.resolve("out-crlf");
        assertEquals(0, run("run", "--data-dir", data.toString(), "--out", out2.toString()));
        assertDataFrameNoOrderEquals(table(Tables.OMICS), spark().read().parquet(out2.resolve(Tables.OMICS.path()).toString()));
        assertDataFrameNoOrderEquals(table(Tables.DRUG_RESPONSE),
                spark().read().parquet(out2.resolve(Tables.DRUG_RESPONSE.path()).toString()));
    }

    @Test
    void layout2025GivesTheSameHarmonisedOmics() {
        Path data = TinyData.copyTo(tmp.resolve("data-2025"));
        TinyData.edit(data, TinyData.EXPRESSION, text -> {
            StringBuilder sb = new StringBuilder();
            String[] lines = text.split("\n");
            sb.append("SequencingID,ModelID,IsDefaultEntryForModel,ModelConditionID,IsDefaultEntryForMC")
                    .append(lines[0]).append('\n');
            for (int i = 1; i < lines.length; i++) {
                String id = lines[i].substring(0, lines[i].indexOf(','));
                sb.append("CDS-").append(i).append(',').append(id).append(",Yes,MC-").append(i).append(",Yes")
                        .append(lines[i].substring(lines[i].indexOf(','))).append('\n');
                // an older non-default sequencing of the same model with different values must be ignored
                sb.append("CDS-9").append(i).append(',').append(id).append(",No,MC-").append(i).append(",No,0,0,0,0\n");
            }
            return sb.toString();
        });
        try {
            Files.move(data.resolve(TinyData.EXPRESSION), data.resolve("OmicsExpressionTPMLogp1HumanProteinCodingGenes.csv"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path out2 = tmp.resolve("out-2025");
        assertEquals(0, run("run", "--data-dir", data.toString(), "--out", out2.toString()));
        assertDataFrameNoOrderEquals(table(Tables.OMICS),
                spark().read().parquet(out2.resolve(Tables.OMICS.path()).toString()));
    }
}
