package org.miracs.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.miracs.cli.MiracsMain;
import org.miracs.schema.Tables;
import org.miracs.testing.SparkTestBase;

/**
 * {@code run} through phase 1 on the shipped sample data: MOFA must recover the planted cross-lineage
 * resistance program P (sample-data/truth) as one factor, with the program's genes on top of its weights.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MofaStageTest extends SparkTestBase {
    private Path out;

    @BeforeAll
    void runOnce(@TempDir Path tmp) {
        runBefore();
        out = tmp.resolve("out");
        assertEquals(0, MiracsMain.run(new String[] {"run", "--out", out.toString(), "--set", "mofa.factors=10"},
                System.out, System.err));
    }

    @Test
    void oneFactorIsThePlantedResistanceProgram() throws IOException {
        Map<String, Double> p = new HashMap<>();
        List<String> truth = Files.readAllLines(Path.of("sample-data/truth/resistance_program.tsv"));
        for (String line : truth.subList(1, truth.size())) {
            String[] c = line.split("\t");
            p.put(c[0], Double.parseDouble(c[3]));
        }
        Map<Integer, List<double[]>> pairs = new HashMap<>(); // factor -> (z, P) per sample, centred per group below
        Map<String, List<Row>> byGroup = new HashMap<>();
        for (Row r : spark().read().parquet(out.resolve(Tables.FACTORS.path()).toString()).collectAsList()) {
            byGroup.computeIfAbsent(r.getString(0) + "|" + r.getInt(2), k -> new ArrayList<>()).add(r);
        }
        for (List<Row> rows : byGroup.values()) {
            double mz = rows.stream().mapToDouble(r -> r.getDouble(3)).average().orElseThrow();
            double mp = rows.stream().mapToDouble(r -> p.get(r.getString(1))).average().orElseThrow();
            for (Row r : rows) {
                pairs.computeIfAbsent(r.getInt(2), k -> new ArrayList<>())
                        .add(new double[] {r.getDouble(3) - mz, p.get(r.getString(1)) - mp});
            }
        }
        int best = pairs.keySet().stream().max(Comparator.comparingDouble(k -> Math.abs(pearson(pairs.get(k)))))
                .orElseThrow();
        double r = Math.abs(pearson(pairs.get(best)));
        Assertions.assertTrue(r > 0.9, "best within-lineage |r| with the planted program: " + r + " (factor " + best + ")");

        // the program's genes dominate that factor's RNA weights
        Set<String> programGenes = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("sample-data/truth/program_genes.tsv"))) {
            String[] c = line.split("\t");
            if (c[0].equals("P")) {
                programGenes.add(c[3]);
            }
        }
        List<Row> weights = spark().read().parquet(out.resolve(Tables.WEIGHTS.path()).toString())
                .filter("view = 'rna' and factor = " + best).collectAsList();
        List<Row> top = weights.stream().sorted(Comparator.comparingDouble((Row w) -> -Math.abs(w.getDouble(3))))
                .limit(20).toList();
        long hits = top.stream().filter(w -> programGenes.contains(w.getString(1))).count();
        Assertions.assertTrue(hits >= 18, hits + " of the top 20 RNA weights are planted program genes");
    }

    @Test
    void varianceExplainedAndTraceAreWritten() {
        List<Row> total = spark().read().parquet(out.resolve(Tables.VARIANCE_EXPLAINED_TOTAL.path()).toString())
                .collectAsList();
        assertEquals(7 * 2, total.size()); // 7 lineages x 2 views
        for (Row r : total) {
            Assertions.assertTrue(r.getDouble(2) > 0 && r.getDouble(2) < 100, r.toString());
        }
        List<Row> trace = spark().read().parquet(out.resolve(Tables.TRAINING_TRACE.path()).toString())
                .orderBy("iteration").collectAsList();
        Assertions.assertTrue(trace.size() > 5);
        assertEquals(0, trace.get(0).getInt(0));
    }

    private static double pearson(List<double[]> xy) {
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (double[] v : xy) {
            sxx += v[0] * v[0];
            syy += v[1] * v[1];
            sxy += v[0] * v[1];
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
