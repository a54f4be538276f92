package org.miracs.interpret.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.miracs.testing.SparkTestBase;

/**
 * {@code miracs run --set mofa.factors=10} end to end on the shipped sample data: the automatic
 * selection must land on the planted resistance program (sample-data/truth): the factor whose
 * cross-lineage associations are the planted resistance MoAs, which follows the truth latent P, with a
 * resistance MoA and one of its compounds; its top RNA loadings must be mostly P-module genes and its
 * PROGENy activity non-empty with the pathways the module was built from (p53, NF-kB, TNF-a, JAK-STAT)
 * among the significant ones; forest and sensitivity tables must be consistent with a resistance
 * program.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InterpretRunTest extends SparkTestBase {
    private Path out;
    private String runJson;

    @BeforeAll
    void run(@TempDir Path tmp) throws IOException {
        runBefore();
        out = tmp.resolve("run");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MiracsMain.run(new String[] {"run", "--out", out.toString(), "--set", "mofa.factors=10"},
                new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true));
        Assertions.assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        runJson = Files.readString(out.resolve("run.json"));
    }

    private List<Row> table(String name) {
        return spark().read().parquet(out.resolve("interpret").resolve(name).toString()).collectAsList();
    }

    private static List<String[]> tsv(String file) throws IOException {
        return Files.readAllLines(Path.of("sample-data/truth", file)).stream().skip(1).map(l -> l.split("\t")).toList();
    }

    private int selectedFactor() {
        return Integer.parseInt(InterpretStageTest.jsonField(runJson, "factor"));
    }

    @Test
    void autoSelectionIsThePlantedResistanceProgram() throws IOException {
        Set<String> resistanceMoas = new HashSet<>();
        tsv("resistance_moas.tsv").forEach(r -> resistanceMoas.add(r[0]));
        // the factor carrying the planted resistance MoAs in the run's own cross-lineage table
        Map<Integer, Integer> plantedLineages = new HashMap<>();
        for (Row r : spark().read().parquet(out.resolve("enrich/cross_lineage_associations").toString()).collectAsList()) {
            if (resistanceMoas.contains(r.getString(1)) && r.getString(2).equals("resistance")) {
                plantedLineages.merge(r.getInt(0), r.getInt(3), Integer::sum);
            }
        }
        int program = plantedLineages.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        System.out.println("planted resistance MoAs: lineages per factor " + plantedLineages + "; run.json "
                + runJson.substring(runJson.indexOf("\"interpretation\"")));
        Assertions.assertEquals(program, selectedFactor());
        Assertions.assertEquals("auto", InterpretStageTest.jsonField(runJson, "factor_source"));
        Assertions.assertEquals("resistance", InterpretStageTest.jsonField(runJson, "direction"));
        String moa = InterpretStageTest.jsonField(runJson, "moa");
        Assertions.assertTrue(resistanceMoas.contains(moa), moa);
        Assertions.assertTrue(Integer.parseInt(InterpretStageTest.jsonField(runJson, "n_lineages")) >= 3);
        String drug = InterpretStageTest.jsonField(runJson, "broad_id");
        String[] truth = tsv("compounds.tsv").stream().filter(r -> r[0].equals(drug)).findFirst().orElseThrow();
        Assertions.assertTrue(truth[2].contains(moa) && truth[3].equals("TRUE"), String.join(" ", truth));

        // and that factor is the truth latent P (MOFA's sign is arbitrary)
        Map<String, Double> p = new HashMap<>();
        tsv("resistance_program.tsv").forEach(r -> p.put(r[0], Double.parseDouble(r[3])));
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (Row r : spark().read().parquet(out.resolve("mofa/factors").toString())
                .filter("factor = " + program).select("sample", "value").collectAsList()) {
            double x = r.getDouble(1);
            double y = p.get(r.getString(0));
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
            n++;
        }
        double corr = (sxy - sx * sy / n) / Math.sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
        Assertions.assertTrue(Math.abs(corr) > 0.7, "factor " + program + " vs truth P: r = " + corr);
    }

    @Test
    void topRnaFeaturesOfTheSelectedFactorAreProgramGenes() throws IOException {
        Set<String> module = new HashSet<>();
        tsv("program_genes.tsv").stream().filter(r -> r[0].equals("P")).forEach(r -> module.add(r[3]));
        int f = selectedFactor();
        List<Row> top = table("top_features");
        Assertions.assertEquals(2 * 10 * 25, top.size(), "25 per view and factor");
        List<Row> rna = top.stream().filter(r -> r.getString(0).equals("rna") && r.getInt(1) == f).toList();
        Assertions.assertEquals(25, rna.size());
        long hits = rna.stream().filter(r -> module.contains(r.getString(3))).count();
        Assertions.assertTrue(hits >= 20, hits + " of the top 25 RNA features are P-module genes");
        Assertions.assertTrue(rna.stream().allMatch(r -> r.getString(3).startsWith(r.getString(4) + " (")),
                "gene symbol of 'SYMBOL (ENTREZ)'");
        List<Row> protein = top.stream().filter(r -> r.getString(0).equals("protein") && r.getInt(1) == f).toList();
        Assertions.assertEquals(25, protein.size());
        Assertions.assertTrue(protein.stream().filter(r -> !r.isNullAt(4)).count() >= 20);
    }

    @Test
    void progenyActivityOfTheSelectedFactorIsNonEmptyAndPointsAtTheModulePathways() {
        int f = selectedFactor();
        List<Row> all = table("pathway_activity");
        // PROGENy (built in) and the sample data's synthetic TF network (interpret.tf_network = auto)
        Assertions.assertEquals(Set.of("progeny_human_top500", "tf_network.tsv"),
                all.stream().map(r -> r.getString(0)).collect(java.util.stream.Collectors.toSet()));
        List<Row> tf = all.stream().filter(r -> r.getString(0).equals("tf_network.tsv") && r.getString(1).equals("rna")
                && r.getInt(2) == f && r.getString(3).equals("ulm")).toList();
        Set<String> regulators = Set.of("ATF6", "IRF1", "RELA", "STAT1", "TP53");
        Assertions.assertTrue(tf.stream().filter(r -> regulators.contains(r.getString(4)) && r.getDouble(7) < 0.05).count() >= 3,
                "the planted regulators are active: " + tf);
        Assertions.assertTrue(tf.stream().filter(r -> r.getString(4).startsWith("TF") && r.getDouble(7) < 0.05).count() <= 2,
                "decoy TFs are mostly not");
        List<Row> act = all.stream().filter(r -> r.getString(0).equals("progeny_human_top500")).toList();
        Assertions.assertFalse(act.isEmpty());
        for (String view : List.of("rna", "protein")) {
            for (String method : List.of("ulm", "mlm")) {
                Assertions.assertTrue(act.stream().anyMatch(r -> r.getString(1).equals(view) && r.getInt(2) == f
                        && r.getString(3).equals(method)), view + " " + method);
            }
        }
        List<Row> ulm = act.stream().filter(r -> r.getString(1).equals("rna") && r.getInt(2) == f
                && r.getString(3).equals("ulm")).toList();
        ulm.forEach(r -> System.out.println("factor " + f + " rna ulm " + r.getString(4) + " t=" + r.getDouble(5)
                + " padj=" + r.getDouble(7)));
        Set<String> modulePathways = Set.of("p53", "NFkB", "TNFa", "JAK-STAT");
        Assertions.assertTrue(ulm.stream().anyMatch(r -> modulePathways.contains(r.getString(4)) && r.getDouble(7) < 0.05),
                "a module pathway is significant");
        Assertions.assertTrue(act.stream().allMatch(r -> r.getDouble(6) >= 0 && r.getDouble(6) <= 1
                && r.getDouble(7) >= r.getDouble(6) - 1e-15 && r.getDouble(7) <= 1));
    }

    @Test
    void forestAndSensitivityFollowTheResistanceProgram() {
        int f = selectedFactor();
        String moa = InterpretStageTest.jsonField(runJson, "moa");
        String drug = InterpretStageTest.jsonField(runJson, "broad_id");
        List<Row> forest = table("forest");
        Assertions.assertFalse(forest.isEmpty());
        Assertions.assertTrue(forest.stream().allMatch(r -> r.getInt(0) == f && r.getString(1).equals(moa)
                && r.getInt(5) >= 4 && r.getDouble(7) <= r.getDouble(6) && r.getDouble(6) <= r.getDouble(8)));
        double meanR = forest.stream().mapToDouble(r -> r.getDouble(6)).average().orElseThrow();
        Assertions.assertTrue(meanR > 0.2, "resistance: positive factor-AUC correlations, mean r = " + meanR);

        List<Row> lines = table("sensitivity_lines");
        List<Row> tests = table("sensitivity_tests");
        Assertions.assertFalse(tests.isEmpty());
        Assertions.assertTrue(tests.stream().allMatch(r -> r.getInt(0) == f && r.getString(1).equals(drug)
                && r.getInt(3) >= 3 && r.getInt(4) >= 3));
        Assertions.assertTrue(lines.stream().allMatch(r -> r.getString(1).equals(drug)));
        double sens = lines.stream().filter(r -> r.getString(4).equals("sensitive")).mapToDouble(r -> r.getDouble(6))
                .average().orElseThrow();
        double res = lines.stream().filter(r -> r.getString(4).equals("resistant")).mapToDouble(r -> r.getDouble(6))
                .average().orElseThrow();
        Assertions.assertTrue(res > sens, "resistant lines have higher factor values: " + res + " vs " + sens);
    }
}
