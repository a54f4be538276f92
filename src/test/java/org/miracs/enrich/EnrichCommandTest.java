package org.miracs.enrich;

import static org.miracs.testing.MiracsCli.miracs;


import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miracs.schema.Tables;
import org.miracs.testing.MiracsCli.Outcome;
import org.miracs.testing.SparkTestBase;
import org.miracs.testutil.Fixtures;

/**
 * {@code bin/miracs enrich} on the gsea_small fixture files: EXACT mode reproduces decoupler 2.0.4
 * (dES = 0, dp = 0, |dNES| <= 1e-9, padj identical); FAST finds the planted sets; bad input is one
 * line naming file, row and column, exit 1, and no output folder.
 */
class EnrichCommandTest extends SparkTestBase {
    @TempDir
    Path tmp;


    private Path fixture(String name) throws IOException {
        Path p = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/fixtures/gsea_small/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void exactModeReproducesDecoupler() throws IOException {
        Path scores = fixture("scores_long.csv");
        Path sets = fixture("sets_long.csv");
        Path out = tmp.resolve("exact");
        Outcome o = miracs("enrich", "--scores", scores.toString(), "--sets", sets.toString(), "--permutations", "10000",
                "--seed", "42", "--min-set-size", "5", "--mode", "exact", "--out", out.toString());
        Assertions.assertEquals(0, o.code(), o.err());
        Assertions.assertTrue(Files.exists(out.resolve("_SUCCESS")));
        Assertions.assertTrue(Files.exists(out.resolve("run.json")));

        Map<String, Map<String, String>> ref = new HashMap<>();
        for (Map<String, String> r : Fixtures.table("gsea_small/decoupler_gsea_times10000_seed42_tmin5.csv")) {
            ref.put(r.get("sample") + "|" + r.get("set"), r);
        }
        List<Row> rows = spark().read().parquet(out.resolve(Tables.RANKED_ENRICHMENT.path()).toString())
                .orderBy("sample", "set").collectAsList();
        Assertions.assertEquals(ref.size(), rows.size());
        double maxDes = 0;
        double maxDp = 0;
        double maxDnes = 0;
        double maxDpadj = 0;
        for (Row r : rows) {
            Map<String, String> e = ref.get(r.getString(0) + "|" + r.getString(1));
            Assertions.assertTrue(e != null, "unexpected row " + r);
            Assertions.assertEquals(Integer.parseInt(e.get("size")), r.getInt(2));
            maxDes = Math.max(maxDes, Math.abs(Double.parseDouble(e.get("es")) - r.getDouble(3)));
            maxDnes = Math.max(maxDnes, Math.abs(Double.parseDouble(e.get("nes")) - r.getDouble(4)));
            maxDp = Math.max(maxDp, Math.abs(Double.parseDouble(e.get("pval")) - r.getDouble(5)));
            maxDpadj = Math.max(maxDpadj, Math.abs(Double.parseDouble(e.get("padj")) - r.getDouble(6)));
        }
        System.out.printf("enrich --mode exact vs decoupler: %d rows, max|dES|=%.3g max|dp|=%.3g max|dNES|=%.3g "
                + "max|dpadj|=%.3g%n", rows.size(), maxDes, maxDp, maxDnes, maxDpadj);
        Assertions.assertEquals(0.0, maxDes, 0.0);
        Assertions.assertEquals(0.0, maxDp, 0.0);
        Assertions.assertTrue(maxDnes <= 1e-9, "max |dNES| " + maxDnes);
        Assertions.assertEquals(0.0, maxDpadj, 0.0);

        List<String> tsv = Files.readAllLines(out.resolve("enrichment.tsv"));
        Assertions.assertEquals(String.join("\t", Tables.RANKED_ENRICHMENT.columnNames()), tsv.get(0));
        Assertions.assertEquals(ref.size() + 1, tsv.size());
        Assertions.assertTrue(tsv.stream().anyMatch(l -> l.startsWith("F1\tmoa07_planted_pos\t") || l.startsWith("F1\tmoa07")), tsv.get(1));
    }

    /** Heavy ties: the drugs' order in the long file is decoupler's column order, so ties break as decoupler's. */
    @Test
    void exactModeReproducesDecouplerWithTies() throws IOException {
        List<String[]> wide = Fixtures.csv("gsea_small/scores_ties_wide.csv");
        StringBuilder sb = new StringBuilder("sample,drug,score\n");
        for (String[] row : wide.subList(1, wide.size())) {
            for (int c = 1; c < row.length; c++) {
                sb.append(row[0]).append(',').append(wide.get(0)[c]).append(',').append(row[c]).append('\n');
            }
        }
        Path scores = Files.writeString(tmp.resolve("ties_long.csv"), sb.toString());
        Path out = tmp.resolve("ties");
        Outcome o = miracs("enrich", "--scores", scores.toString(), "--sets", fixture("sets_long.csv").toString(),
                "--mode", "exact", "--out", out.toString());
        Assertions.assertEquals(0, o.code(), o.err());
        Map<String, Map<String, String>> ref = new HashMap<>();
        for (Map<String, String> r : Fixtures.table("gsea_small/decoupler_gsea_ties_times10000_seed42_tmin5.csv")) {
            ref.put(r.get("sample") + "|" + r.get("set"), r);
        }
        List<Row> rows = spark().read().parquet(out.resolve("enrichment").toString()).collectAsList();
        Assertions.assertEquals(ref.size(), rows.size());
        for (Row r : rows) {
            Map<String, String> e = ref.get(r.getString(0) + "|" + r.getString(1));
            Assertions.assertEquals(Double.parseDouble(e.get("es")), r.getDouble(3), 0.0, r.toString());
            Assertions.assertEquals(Double.parseDouble(e.get("nes")), r.getDouble(4), 1e-9, r.toString());
            Assertions.assertEquals(Double.parseDouble(e.get("padj")), r.getDouble(6), 0.0, r.toString());
        }
    }

    @Test
    void fastModeFindsThePlantedSets() throws IOException {
        Path out = tmp.resolve("fast");
        Outcome o = miracs("enrich", "--scores", fixture("scores_long.csv").toString(), "--sets",
                fixture("sets_long.csv").toString(), "--permutations", "2000", "--plus-one", "--out", out.toString());
        Assertions.assertEquals(0, o.code(), o.err());
        Map<String, Row> byKey = new HashMap<>();
        for (Row r : spark().read().parquet(out.resolve("enrichment").toString()).collectAsList()) {
            byKey.put(r.getString(0) + "|" + r.getString(1), r);
        }
        Assertions.assertEquals(96, byKey.size());
        Row up = byKey.entrySet().stream().filter(e -> e.getKey().startsWith("F1|moa07")).findFirst().orElseThrow().getValue();
        Row down = byKey.entrySet().stream().filter(e -> e.getKey().startsWith("F2|moa13")).findFirst().orElseThrow().getValue();
        Assertions.assertTrue(up.getDouble(4) > 2 && up.getDouble(6) < 0.05, up.toString());
        Assertions.assertTrue(down.getDouble(4) < -2 && down.getDouble(6) < 0.05, down.toString());
        Assertions.assertTrue(byKey.values().stream().allMatch(r -> r.getDouble(5) > 0), "+1 correction: no p of 0");
    }

    private void assertBadInput(String file, UnaryOperator<String> damage, String... expectedParts) throws IOException {
        Path scores = fixture("scores_long.csv");
        Path sets = fixture("sets_long.csv");
        Path target = file.equals("scores") ? scores : sets;
        if (damage == null) {
            Files.delete(target);
        } else {
            Files.writeString(target, damage.apply(Files.readString(target)));
        }
        Path out = tmp.resolve("out");
        Outcome o = miracs("enrich", "--scores", scores.toString(), "--sets", sets.toString(), "--out", out.toString());
        Assertions.assertEquals(1, o.code(), o.err());
        String[] lines = o.err().strip().split("\n");
        Assertions.assertEquals(1, lines.length, "one line: " + o.err());
        Assertions.assertTrue(lines[0].startsWith("miracs enrich: error: " + target), lines[0]);
        for (String part : expectedParts) {
            Assertions.assertTrue(lines[0].contains(part), "expected '" + part + "' in: " + lines[0]);
        }
        Assertions.assertFalse(Files.exists(out), "no output folder after a failed run");
        try (Stream<Path> left = Files.list(tmp)) {
            Assertions.assertEquals(0, left.filter(p -> p.getFileName().toString().contains("inprogress")).count());
        }
    }

    @Test
    void missingFile() throws IOException {
        assertBadInput("sets", null, "missing input file");
    }

    @Test
    void badHeader() throws IOException {
        assertBadInput("scores", t -> t.replaceFirst("sample,drug,score", "sample,compound,score"),
                "row 1 (header)", "expected the header 'sample,drug,score'", "found 'sample,compound,score'");
    }

    @Test
    void nonNumericScore() throws IOException {
        assertBadInput("scores", t -> t.replaceFirst("F1,BRD-0002,0.2218487411737442", "F1,BRD-0002,high"),
                "row 3, column 'score'", "expected a finite number", "found 'high'");
    }

    @Test
    void duplicatedSampleDrug() throws IOException {
        assertBadInput("scores", t -> t + "F2,BRD-0001,0.5\n", "row 902", "expected each (sample, drug) once",
                "F2,BRD-0001 again, first at row");
    }

    @Test
    void incompleteMatrix() throws IOException {
        assertBadInput("scores", t -> t.replaceFirst("F1,BRD-0002,0.2218487411737442\n", ""),
                "no score for sample 'F1' and drug 'BRD-0002'");
    }

    @Test
    void duplicatedSetMember() throws IOException {
        assertBadInput("sets", t -> t + "moa01,BRD-0002\n", "row 394", "expected each (set, drug) once");
    }

    @Test
    void usageErrors() {
        Assertions.assertEquals(2, miracs("enrich", "--sets", "x.csv", "--out", "o").code());
        Outcome bad = miracs("enrich", "--scores", "s", "--sets", "x.csv", "--out", "o", "--mode", "slow");
        Assertions.assertEquals(2, bad.code());
        Assertions.assertTrue(bad.err().contains("--mode is exact or fast"), bad.err());
        Assertions.assertEquals(2, miracs("enrich", "--scores", "s", "--sets", "t", "--out", "o", "--permutations", "many").code());
        Outcome help = miracs("enrich", "--help");
        Assertions.assertEquals(0, help.code());
        Assertions.assertTrue(help.out().contains("--scores S"), help.out());
    }
}
