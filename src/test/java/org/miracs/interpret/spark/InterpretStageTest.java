package org.miracs.interpret.spark;






import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miracs.config.ConfigException;
import org.miracs.interpret.ActivityScores;
import org.miracs.interpret.FeatureVector;
import org.miracs.interpret.ForestPlotStats;
import org.miracs.interpret.Mlm;
import org.miracs.interpret.PriorNetwork;
import org.miracs.interpret.SensitivityGroups;
import org.miracs.interpret.TopFeatures;
import org.miracs.interpret.Ulm;
import org.miracs.pipeline.RunContext;
import org.miracs.testing.RunJson;
import org.miracs.testing.SparkTestBase;
import org.miracs.testing.StageContexts;

/**
 * {@link InterpretStage} on the hand-made {@link InterpretFixture}: every table is recomputed here with
 * the pure core ({@link TopFeatures}, {@link Ulm}, {@link Mlm}, {@link ForestPlotStats},
 * {@link SensitivityGroups}) from the fixture's raw values and must agree; plus the selection and its
 * record in run.json, explicit overrides, bad settings and the empty cross-lineage table.
 */
class InterpretStageTest extends SparkTestBase {
    private static final double TOL = 1e-12;

    @TempDir
    Path tmp;

    private RunContext run(InterpretFixture fx, boolean cross, String... overrides) throws Exception {
        RunContext ctx = StageContexts.create(spark(), "unused", tmp.resolve("out" + System.nanoTime()), overrides);
        fx.install(ctx, cross);
        new InterpretStage().run(ctx);
        return ctx;
    }

    /** The text of a field of run.json's "interpretation" object ("null" for null; arrays as compact JSON). */
    static String jsonField(String json, String key) {
        JsonNode interpretation = RunJson.parse(json).get("interpretation");
        Assertions.assertNotNull(interpretation, "run.json has an interpretation object");
        JsonNode v = interpretation.get(key);
        Assertions.assertNotNull(v, key + " in " + interpretation);
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String runJson(RunContext ctx, String key) {
        return jsonField(ctx.metadata().toJson(), key);
    }

    private Path tfNetwork(InterpretFixture fx) throws Exception {
        List<String> genes = new ArrayList<>(fx.symbols.get("rna").values());
        StringBuilder sb = new StringBuilder("source\ttarget\tweight\n");
        for (int tf = 0; tf < 3; tf++) {
            for (int j = 0; j < 12; j++) {
                sb.append("TF").append(tf + 1).append('\t').append(genes.get(tf * 17 + j * 3)).append('\t')
                        .append(j % 3 == 0 ? -1 : 1).append('\n');
            }
        }
        sb.append("TF4\tNOT_A_GENE\t1\n");
        Path file = tmp.resolve("my_tfs.tsv");
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void tablesAgreeWithThePureCore() throws Exception {
        InterpretFixture fx = new InterpretFixture();
        Path tf = tfNetwork(fx);
        RunContext ctx = run(fx, true, "interpret.top_features=7", "interpret.tf_network=" + tf);
        Interpretation out = ctx.get(Interpretation.KEY);

        // top features: every (view, factor), TopFeatures on the raw weights, gene symbols from features
        List<Row> top = out.topFeatures().orderBy("view", "factor", "rank").collectAsList();
        Assertions.assertEquals(2 * InterpretFixture.FACTORS * 7, top.size());
        int k = 0;
        for (String view : List.of("protein", "rna")) {
            for (int f = 1; f <= InterpretFixture.FACTORS; f++) {
                Map<String, Double> w = fx.weights.get(view).get(f);
                List<TopFeatures.Entry> want = TopFeatures.of(7).select(vector("x", w));
                for (TopFeatures.Entry e : want) {
                    Row r = top.get(k++);
                    Assertions.assertEquals(view, r.getString(0));
                    Assertions.assertEquals(f, r.getInt(1));
                    Assertions.assertEquals(e.rank(), r.getInt(2));
                    Assertions.assertEquals(e.feature(), r.getString(3));
                    Assertions.assertEquals(fx.symbols.get(view).get(e.feature()), r.isNullAt(4) ? null : r.getString(4));
                    Assertions.assertEquals(e.weight(), r.getDouble(5), 0.0);
                }
            }
        }

        // pathway activity: ULM and MLM of the gene-level vectors, PROGENy and the TF file
        Map<String, Row> act = new HashMap<>();
        for (Row r : out.pathwayActivity().collectAsList()) {
            act.put(r.getString(0) + "|" + r.getString(1) + "|" + r.getInt(2) + "|" + r.getString(3) + "|"
                    + r.getString(4), r);
        }
        PriorNetwork progeny = PriorNetwork.load(PriorNetwork.PROGENY_HUMAN_TOP500);
        PriorNetwork tfs = PriorNetwork.read(tf);
        int expected = 0;
        for (String view : List.of("rna", "protein")) {
            for (int f = 1; f <= InterpretFixture.FACTORS; f++) {
                Map<String, String> toGene = new HashMap<>();
                fx.symbols.get(view).forEach((feature, gene) -> {
                    if (gene != null) {
                        toGene.put(feature, gene);
                    }
                });
                FeatureVector genes = TopFeatures.geneLevel(vector("Factor" + f, fx.weights.get(view).get(f)), toGene);
                if (view.equals("protein")) {
                    Assertions.assertEquals(40, genes.size(), "40 genes from 50 proteins (10 doubled, 1 without symbol)");
                    // a doubled gene carries the min of its proteins' weights
                    String p1 = fx.symbols.get(view).keySet().stream().filter(p -> p.startsWith("sp|P10000|"))
                            .findFirst().orElseThrow();
                    String gene = fx.symbols.get(view).get(p1);
                    double a = fx.weights.get(view).get(f).get(p1);
                    double b = fx.weights.get(view).get(f).get("sp|P10000-2|" + gene + "_HUMAN");
                    int gi = java.util.Arrays.asList(genes.features()).indexOf(gene);
                    Assertions.assertEquals(Math.min(a, b), genes.value(gi), 0.0);
                }
                for (Object[] net : new Object[][] {{"progeny_human_top500", progeny}, {"my_tfs.tsv", tfs}}) {
                    for (ActivityScores s : List.of(Ulm.withTmin(5).score(genes, (PriorNetwork) net[1]),
                            Mlm.withTmin(5).score(genes, (PriorNetwork) net[1]))) {
                        Assertions.assertTrue(s.size() > 0, net[0] + " " + view + " " + s);
                        for (int i = 0; i < s.size(); i++) {
                            Row r = act.get(net[0] + "|" + view + "|" + f + "|" + s.method().key() + "|" + s.source(i));
                            Assertions.assertTrue(r != null, "missing " + net[0] + " " + view + " " + f + " " + s.source(i));
                            Assertions.assertEquals(s.score(i), r.getDouble(5), TOL);
                            Assertions.assertEquals(s.pValue(i), r.getDouble(6), TOL);
                            Assertions.assertEquals(s.pAdjusted(i), r.getDouble(7), TOL);
                            expected++;
                        }
                    }
                }
            }
        }
        Assertions.assertEquals(expected, act.size(), "no other rows");
        Assertions.assertTrue(act.keySet().stream().noneMatch(key -> key.contains("|TF4")), "TF4 has no target: pruned");

        // selection: (factor 1, M1, resistance) beats the tied sensitivity row; the M1 compound with the largest mean r
        Interpretation.Selection sel = out.selection();
        Assertions.assertEquals(1, sel.factor());
        Assertions.assertEquals("M1", sel.moa());
        Assertions.assertEquals("resistance", sel.direction());
        Assertions.assertEquals(List.of("Alpha", "Beta", "Gamma"), sel.lineages());

        // forest: every M1 compound x lineage, ForestPlotStats on the lines with both
        ForestPlotStats stats = ForestPlotStats.defaults();
        List<Row> forest = out.forest().orderBy("broad_id", "lineage").collectAsList();
        Assertions.assertEquals(4 * 3, forest.size());
        Map<String, List<ForestPlotStats.Correlation>> byDrug = new TreeMap<>();
        k = 0;
        for (String drug : List.of("BRD-K0001", "BRD-K0002", "BRD-K0003", "BRD-K0004")) {
            for (String lineage : InterpretFixture.LINEAGES) {
                List<String> ls = fx.lines.stream().filter(l -> fx.lineageOf.get(l).equals(lineage)).sorted().toList();
                double[] x = ls.stream().mapToDouble(l -> fx.factorValues.get(1).get(l)).toArray();
                double[] y = ls.stream().mapToDouble(l -> fx.auc.get(drug).get(l)).toArray();
                ForestPlotStats.Correlation c = stats.correlate(drug, lineage, x, y);
                byDrug.computeIfAbsent(drug, d -> new ArrayList<>()).add(c);
                Row r = forest.get(k++);
                Assertions.assertEquals(1, r.getInt(0));
                Assertions.assertEquals("M1", r.getString(1));
                Assertions.assertEquals(drug, r.getString(2));
                Assertions.assertEquals(fx.drugNames.get(drug), r.getString(3));
                Assertions.assertEquals(lineage, r.getString(4));
                Assertions.assertEquals(InterpretFixture.LINES_PER_LINEAGE, r.getInt(5));
                Assertions.assertEquals(c.r(), r.getDouble(6), TOL);
                Assertions.assertEquals(c.lower(), r.getDouble(7), TOL);
                Assertions.assertEquals(c.upper(), r.getDouble(8), TOL);
                Assertions.assertEquals(c.pValue(), r.getDouble(9), TOL);
            }
        }
        String best = null;
        double bestMean = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, List<ForestPlotStats.Correlation>> e : byDrug.entrySet()) {
            double m = stats.summarise(e.getKey(), e.getValue()).meanR();
            if (m > bestMean) {
                bestMean = m;
                best = e.getKey();
            }
        }
        Assertions.assertEquals(best, sel.broadId());
        Assertions.assertEquals("BRD-K0002", sel.broadId(), "the compound with the steepest planted effect");
        Assertions.assertEquals("auto", sel.drugSource());

        // sensitivity: SensitivityGroups on all lines with an AUC
        assertSensitivity(fx, out, 1, sel.broadId(), 3);

        // run.json
        Assertions.assertEquals("1", runJson(ctx, "factor"));
        Assertions.assertEquals("M1", runJson(ctx, "moa"));
        Assertions.assertEquals("BRD-K0002", runJson(ctx, "broad_id"));
        Assertions.assertEquals("betanib", runJson(ctx, "drug_name"));
        Assertions.assertEquals("resistance", runJson(ctx, "direction"));
        Assertions.assertEquals("3", runJson(ctx, "n_lineages"));
        Assertions.assertEquals(sel.lowerAucThreshold(), Double.parseDouble(runJson(ctx, "auc_lower_threshold")), 0.0);
        Assertions.assertEquals("[\"progeny_human_top500\",\"my_tfs.tsv\"]", runJson(ctx, "networks"));
        Assertions.assertEquals("12", runJson(ctx, "forest_rows"));
    }

    private static void assertSensitivity(InterpretFixture fx, Interpretation out, int factor, String drug, int minPerGroup) {
        List<String> lines = fx.auc.get(drug).keySet().stream().sorted().toList();
        String[] lin = lines.stream().map(fx.lineageOf::get).toArray(String[]::new);
        double[] a = lines.stream().mapToDouble(l -> fx.auc.get(drug).get(l)).toArray();
        double[] f = lines.stream().mapToDouble(l -> fx.factorValues.get(factor).get(l)).toArray();
        SensitivityGroups.DrugSplit split = SensitivityGroups.defaults().withMinPerGroup(minPerGroup)
                .split(drug, lin, a, f);
        Assertions.assertEquals(split.lowerThreshold(), out.selection().lowerAucThreshold(), 0.0);
        Assertions.assertEquals(split.upperThreshold(), out.selection().upperAucThreshold(), 0.0);
        Map<String, String> groupOf = new HashMap<>();
        for (Row r : out.sensitivityLines().collectAsList()) {
            Assertions.assertEquals(factor, r.getInt(0));
            Assertions.assertEquals(drug, r.getString(1));
            Assertions.assertEquals(fx.lineageOf.get(r.getString(3)), r.getString(2));
            Assertions.assertEquals(fx.auc.get(drug).get(r.getString(3)), r.getDouble(5), 0.0);
            Assertions.assertEquals(fx.factorValues.get(factor).get(r.getString(3)), r.getDouble(6), 0.0);
            groupOf.put(r.getString(3), r.getString(4));
        }
        for (int i = 0; i < lines.size(); i++) {
            SensitivityGroups.Group g = split.groups().get(i);
            String want = g == SensitivityGroups.Group.SENSITIVE ? "sensitive"
                    : g == SensitivityGroups.Group.RESISTANT ? "resistant" : null;
            Assertions.assertEquals(want, groupOf.get(lines.get(i)), lines.get(i));
        }
        Map<String, Row> tests = new HashMap<>();
        out.sensitivityTests().collectAsList().forEach(r -> tests.put(r.getString(2), r));
        int compared = 0;
        for (SensitivityGroups.LineageComparison lc : split.lineages()) {
            Row r = tests.get(lc.lineage());
            if (lc.comparison() == null) {
                Assertions.assertNull(r, lc.lineage());
                continue;
            }
            compared++;
            SensitivityGroups.Comparison c = lc.comparison();
            Assertions.assertEquals(c.nSensitive(), r.getInt(3));
            Assertions.assertEquals(c.nResistant(), r.getInt(4));
            Assertions.assertEquals(c.chosen() == SensitivityGroups.Test.STUDENT_T ? "t_test" : "mann_whitney", r.getString(5));
            Assertions.assertEquals(c.chosenP(), r.getDouble(6), 0.0);
            Assertions.assertEquals(c.mannWhitney().pValue(), r.getDouble(7), 0.0);
        }
        Assertions.assertEquals(compared, tests.size());
        Assertions.assertTrue(compared >= 1, "at least one lineage compared");
    }

    private static FeatureVector vector(String name, Map<String, Double> w) {
        return FeatureVector.of(name, new ArrayList<>(w.keySet()), w.values().stream().mapToDouble(d -> d).toArray());
    }

    @Test
    void explicitSettingsOverrideTheAutoSelection() throws Exception {
        InterpretFixture fx = new InterpretFixture();
        // gammastat names two broad_ids: the one measured in most lines (tie) then the first broad_id
        RunContext ctx = run(fx, true, "interpret.factor=2", "interpret.moa=m2", "interpret.drug=GAMMASTAT",
                "interpret.min_lines_per_group=4");
        Interpretation.Selection sel = ctx.get(Interpretation.KEY).selection();
        Assertions.assertEquals(2, sel.factor());
        Assertions.assertEquals("config", sel.factorSource());
        Assertions.assertEquals("M2", sel.moa(), "MoA matched ignoring case");
        Assertions.assertEquals("sensitivity", sel.direction(), "the (2, M2) association");
        Assertions.assertEquals("BRD-K0003", sel.broadId());
        Assertions.assertEquals("config", sel.drugSource());
        Assertions.assertTrue(sel.notes().stream().anyMatch(n -> n.contains("not in M2")), sel.notes().toString());
        List<Row> forest = ctx.get(Interpretation.KEY).forest().collectAsList();
        Assertions.assertTrue(forest.stream().allMatch(r -> r.getInt(0) == 2 && r.getString(1).equals("M2")));
        // BRD-K0006 misses some lines but each lineage keeps >= 4
        Assertions.assertEquals(2 * 3, forest.size());
        assertSensitivity(fx, ctx.get(Interpretation.KEY), 2, "BRD-K0003", 4);
    }

    @Test
    void directionAnyTakesTheStrongestWhateverItsDirection() throws Exception {
        InterpretFixture fx = new InterpretFixture();
        fx.cross.remove(1); // drop (1, M1, resistance, 3 lineages): (2, M2, sensitivity, 3) > (3, M1, resistance, 2)
        Interpretation out = run(fx, true, "interpret.direction=any").get(Interpretation.KEY);
        Interpretation.Selection any = out.selection();
        Assertions.assertEquals(2, any.factor());
        Assertions.assertEquals("sensitivity", any.direction());
        Map<String, double[]> sums = new TreeMap<>();
        for (Row r : out.forest().collectAsList()) {
            double[] s = sums.computeIfAbsent(r.getString(2), x -> new double[2]);
            s[0] += r.getDouble(6);
            s[1]++;
        }
        String smallest = sums.entrySet().stream().min(java.util.Comparator.comparingDouble(e -> e.getValue()[0]
                / e.getValue()[1])).orElseThrow().getKey();
        Assertions.assertEquals(smallest, any.broadId(), "sensitivity: the compound with the smallest mean r");
        Interpretation.Selection res = run(fx, true).get(Interpretation.KEY).selection();
        Assertions.assertEquals(3, res.factor());
        Assertions.assertEquals("resistance", res.direction());
    }

    @Test
    void emptyCrossLineageTableSkipsForestAndSensitivityWithoutFailing() throws Exception {
        InterpretFixture fx = new InterpretFixture();
        RunContext ctx = run(fx, false);
        Interpretation out = ctx.get(Interpretation.KEY);
        Assertions.assertNull(out.selection().factor());
        Assertions.assertNull(out.selection().broadId());
        Assertions.assertTrue(out.selection().notes().get(0).contains("cross-lineage table is empty"), out.selection().notes().toString());
        Assertions.assertEquals(0, out.forest().count());
        Assertions.assertEquals(0, out.sensitivityLines().count());
        Assertions.assertEquals(0, out.sensitivityTests().count());
        Assertions.assertTrue(out.topFeatures().count() > 0);
        Assertions.assertTrue(out.pathwayActivity().count() > 0);
        Assertions.assertTrue(Files.exists(Path.of(ctx.output().stagingPath("interpret/forest").replace("file:", ""))),
                "empty tables are still written");
        Assertions.assertEquals("null", runJson(ctx, "factor"));
        Assertions.assertTrue(runJson(ctx, "notes").contains("cross-lineage table is empty"));

        // explicit factor and MoA work without any association
        Interpretation.Selection sel = run(fx, false, "interpret.factor=1", "interpret.moa=M1").get(Interpretation.KEY)
                .selection();
        Assertions.assertEquals(1, sel.factor());
        Assertions.assertNull(sel.direction());
        Assertions.assertEquals("BRD-K0002", sel.broadId(), "no direction: the largest |mean r|");
    }

    @Test
    void settingsThatMatchNothingStopTheStageNamingTheKey() {
        InterpretFixture fx = new InterpretFixture();
        ConfigException e = Assertions.assertThrows(ConfigException.class, () -> run(fx, true, "interpret.factor=9"));
        Assertions.assertTrue(e.getMessage().contains("interpret.factor = '9'") && e.getMessage().contains("(1..3)"), e.getMessage());
        e = Assertions.assertThrows(ConfigException.class, () -> run(fx, true, "interpret.moa=kinase inhibitor"));
        Assertions.assertTrue(e.getMessage().contains("interpret.moa = 'kinase inhibitor'"), e.getMessage());
        e = Assertions.assertThrows(ConfigException.class, () -> run(fx, true, "interpret.drug=BRD-K9999"));
        Assertions.assertTrue(e.getMessage().contains("interpret.drug = 'BRD-K9999'"), e.getMessage());
        e = Assertions.assertThrows(ConfigException.class, () -> run(fx, true, "interpret.tf_network=" + tmp.resolve("nope.tsv")));
        Assertions.assertTrue(e.getMessage().startsWith("interpret.tf_network = '"), e.getMessage());
    }
}
