package org.miracs.enrich;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.miracs.correlate.CorrelateStage;
import org.miracs.correlate.Correlations;
import org.miracs.ingest.HarmonisedData;
import org.miracs.ingest.IngestStage;
import org.miracs.integrate.MofaOutputs;
import org.miracs.pipeline.RunContext;
import org.miracs.schema.Tables;
import org.miracs.testing.SparkTestBase;
import org.miracs.testing.StageContexts;

/**
 * End to end on the shipped sample data: ingest, then the planted latent programs of
 * sample-data/truth/line_programs.tsv standing in for MOFA factors (factor 1 = the resistance program P,
 * 2 = G2, the EGFR-sensitivity control, 3 = G1, no planted drug effect), then correlate and enrich.
 * The resistance MoAs (topoisomerase, Aurora kinase, HSP inhibitors) must come out with positive NES
 * in (nearly) every lineage and NES >= 1 with padj < 0.05 in at least two lineages each for factor 1,
 * and as cross-lineage resistance associations (never sensitivity); G2 must give the planted
 * EGFR-inhibitor sensitivity across lineages; G1 (no planted drug effect) must not pick up the
 * resistance MoAs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantedProgramTest extends SparkTestBase {
    static final List<String> RESISTANCE_MOAS = List.of("topoisomerase inhibitor", "Aurora kinase inhibitor", "HSP inhibitor");
    private RunContext ctx;
    private Path out;

    @BeforeAll
    void runPhases(@TempDir Path tmp) throws Exception {
        runBefore();
        out = tmp.resolve("out");
        ctx = StageContexts.create(spark(), "sample-data", out);
        new IngestStage().run(ctx);
        ctx.put(MofaOutputs.KEY, new MofaOutputs(plantedFactors(ctx.get(HarmonisedData.KEY)), null, null));
        new CorrelateStage().run(ctx);
        new EnrichStage(2_000).run(ctx);
    }

    /** (lineage, model_id, factor, value) for the harmonised lines: P, G2, G1 as factors 1, 2, 3. */
    private Dataset<Row> plantedFactors(HarmonisedData h) throws IOException {
        Map<String, String> lineage = new HashMap<>();
        for (Row r : h.samples().select("model_id", "lineage").collectAsList()) {
            lineage.put(r.getString(0), r.getString(1));
        }
        List<String> lines = Files.readAllLines(Path.of("sample-data/truth/line_programs.tsv"));
        List<String> header = List.of(lines.get(0).split("\t"));
        int[] cols = {header.indexOf("P"), header.indexOf("G2"), header.indexOf("G1")};
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            String group = lineage.get(f[0]);
            if (group == null) {
                continue;
            }
            for (int k = 0; k < cols.length; k++) {
                rows.add(RowFactory.create(group, f[0], k + 1, Double.parseDouble(f[cols[k]])));
            }
        }
        Assertions.assertTrue(rows.size() > 3 * 80, "harmonised lines found in the truth file: " + rows.size() / 3);
        return spark().createDataFrame(rows, Tables.FACTORS.schema());
    }

    @Test
    void resistanceMoasAreEnrichedForTheResistanceProgramInSeveralLineages() {
        List<Row> rows = ctx.get(EnrichmentResults.KEY).enrichment()
                .select("lineage", "factor", "set", "nes", "p_adj").collectAsList();
        long lineages = rows.stream().map(r -> r.getString(0)).distinct().count();
        Assertions.assertTrue(lineages >= 5, "lineages enriched: " + lineages);
        long allSignificant = 0;
        for (String moa : RESISTANCE_MOAS) {
            List<Row> p = rows.stream().filter(r -> r.getInt(1) == 1 && r.getString(2).equals(moa)).toList();
            long positive = p.stream().filter(r -> r.getDouble(3) > 0).count();
            long significant = p.stream().filter(r -> r.getDouble(3) >= 1 && r.getDouble(4) < 0.05).count();
            System.out.printf("factor 1 (P) x %s: %d lineages, NES > 0 in %d, NES >= 1 and padj < 0.05 in %d%n", moa,
                    p.size(), positive, significant);
            Assertions.assertTrue(p.size() >= 4, moa + " enriched in " + p.size() + " lineages");
            Assertions.assertTrue(positive >= p.size() - 1, moa + ": NES > 0 in " + positive + " of " + p.size());
            Assertions.assertTrue(significant >= 2, moa + ": significant in " + significant + " lineages");
            allSignificant += significant;
        }
        // sample scale: ~14 lines per lineage, planted within-lineage rho ~0.55, 7-10 compounds per MoA
        Assertions.assertTrue(allSignificant >= 8, "significant (MoA, lineage) calls: " + allSignificant);
        // the same MoAs are not resistance-associated with the generic program G1
        long g1 = rows.stream().filter(r -> r.getInt(1) == 3 && RESISTANCE_MOAS.contains(r.getString(2))
                && r.getDouble(3) >= 1 && r.getDouble(4) < 0.05).count();
        Assertions.assertTrue(g1 <= 1, "G1 x resistance MoAs significant in " + g1 + " (lineage, MoA)");
    }

    @Test
    void crossLineageTableListsThePlantedAssociations() throws IOException {
        Map<String, Integer> n = new HashMap<>();
        for (Row r : ctx.get(EnrichmentResults.KEY).crossLineageAssociations().collectAsList()) {
            n.put(r.getInt(0) + "|" + r.getString(1) + "|" + r.getString(2), r.getInt(3));
        }
        for (String moa : RESISTANCE_MOAS) {
            Assertions.assertTrue(n.getOrDefault("1|" + moa + "|resistance", 0) >= 2, moa + ": " + n);
            Assertions.assertEquals(0, n.getOrDefault("1|" + moa + "|sensitivity", 0), moa);
        }
        Integer egfr = n.get("2|EGFR inhibitor|sensitivity");
        System.out.println("cross-lineage associations: " + n);
        Assertions.assertTrue(egfr != null && egfr >= 2, "EGFR inhibitor x G2 sensitivity: " + egfr);
        Path staged = Path.of(ctx.output().stagingPath("enrich/cross_lineage_associations.tsv").replace("file:", ""));
        List<String> tsv = Files.readAllLines(staged);
        Assertions.assertEquals("factor\tmoa\tdirection\tn_lineages\tlineages", tsv.get(0));
        Assertions.assertEquals(n.size() + 1, tsv.size());
    }

    @Test
    void correlationsFollowTheConfiguredFilters() {
        Dataset<Row> c = ctx.get(Correlations.KEY).table();
        Assertions.assertTrue(c.count() > 0);
        Assertions.assertEquals(0, c.filter("n < 6").count());
        // Head and Neck has 2 lines: below correlation.min_lineage_lines
        Assertions.assertEquals(0, c.filter("lineage = 'Head_and_Neck'").count());
    }
}
