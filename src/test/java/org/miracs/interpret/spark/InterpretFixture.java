package org.miracs.interpret.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.miracs.enrich.EnrichmentResults;
import org.miracs.ingest.HarmonisedData;
import org.miracs.integrate.MofaOutputs;
import org.miracs.interpret.PriorNetwork;
import org.miracs.pipeline.RunContext;
import org.miracs.schema.Tables;

/**
 * A small hand-made phase-1..3 context for the interpretation stage: 3 lineages x 12 lines, 3 factors,
 * an RNA view over 150 PROGENy target genes ('SYMBOL (ENTREZ)' ids) and a protein view over 40 of them
 * (10 genes measured by two proteins, one protein without symbol), 6 compounds in 2 MoAs whose AUC
 * follows factor 1 (MoA "M1", resistance) or not ("M2"), and a hand-made cross-lineage table.
 * Everything is seeded; the raw values are kept so tests can recompute with the pure core.
 */
final class InterpretFixture {
    static final String[] LINEAGES = {"Alpha", "Beta", "Gamma"};
    static final int LINES_PER_LINEAGE = 12;
    static final int FACTORS = 3;

    final List<String> lines = new ArrayList<>();
    final Map<String, String> lineageOf = new LinkedHashMap<>();
    /** factor (1-based) -> model_id -> value. */
    final Map<Integer, Map<String, Double>> factorValues = new LinkedHashMap<>();
    /** view -> factor -> feature -> weight. */
    final Map<String, Map<Integer, Map<String, Double>>> weights = new LinkedHashMap<>();
    /** view -> feature -> symbol (null for none). */
    final Map<String, Map<String, String>> symbols = new LinkedHashMap<>();
    /** broad_id -> model_id -> AUC. */
    final Map<String, Map<String, Double>> auc = new LinkedHashMap<>();
    final Map<String, String> drugNames = new LinkedHashMap<>();
    final Map<String, List<String>> drugMoas = new LinkedHashMap<>();
    final List<Row> cross = new ArrayList<>();

    InterpretFixture() {
        Random rnd = new Random(7);
        for (String l : LINEAGES) {
            for (int i = 0; i < LINES_PER_LINEAGE; i++) {
                String id = String.format("ACH-%s%02d", l.substring(0, 1), i);
                lines.add(id);
                lineageOf.put(id, l);
            }
        }
        for (int f = 1; f <= FACTORS; f++) {
            Map<String, Double> v = new LinkedHashMap<>();
            for (String id : lines) {
                v.put(id, rnd.nextGaussian());
            }
            factorValues.put(f, v);
        }
        PriorNetwork progeny = PriorNetwork.load(PriorNetwork.PROGENY_HUMAN_TOP500);
        LinkedHashSet<String> genes = new LinkedHashSet<>();
        for (String src : List.of("p53", "NFkB", "TNFa", "JAK-STAT", "Hypoxia", "MAPK")) {
            genes.addAll(progeny.targets(progeny.indexOf(src)).subList(0, 40));
        }
        List<String> geneList = new ArrayList<>(genes).subList(0, 150);
        Map<String, String> rna = new LinkedHashMap<>();
        for (int g = 0; g < geneList.size(); g++) {
            rna.put(geneList.get(g) + " (" + (1000 + g) + ")", geneList.get(g));
        }
        Map<String, String> protein = new LinkedHashMap<>();
        for (int g = 0; g < 40; g++) {
            protein.put("sp|P" + (10000 + g) + "|" + geneList.get(g) + "_HUMAN", geneList.get(g));
            if (g % 4 == 0) {
                protein.put("sp|P" + (10000 + g) + "-2|" + geneList.get(g) + "_HUMAN", geneList.get(g));
            }
        }
        protein.put("tr|A0A000|A0A000_HUMAN", null);
        symbols.put("rna", rna);
        symbols.put("protein", protein);
        for (Map.Entry<String, Map<String, String>> view : symbols.entrySet()) {
            Map<Integer, Map<String, Double>> byFactor = new LinkedHashMap<>();
            for (int f = 1; f <= FACTORS; f++) {
                Map<String, Double> w = new LinkedHashMap<>();
                for (String feature : view.getValue().keySet()) {
                    w.put(feature, rnd.nextGaussian() * 0.3);
                }
                byFactor.put(f, w);
            }
            weights.put(view.getKey(), byFactor);
        }
        // M1 (d1..d4): AUC rises with factor 1; M2 (d5, d6): noise. d4 is a second batch of d3's name.
        String[][] drugs = {{"BRD-K0001", "alphamycin", "M1"}, {"BRD-K0002", "betanib", "M1"},
            {"BRD-K0003", "gammastat", "M1"}, {"BRD-K0004", "gammastat", "M1"}, {"BRD-K0005", "deltarib", "M2"},
            {"BRD-K0006", "epsilonol", "M2"}};
        double[] beta = {0.05, 0.08, 0.03, 0.02, 0, 0};
        for (int d = 0; d < drugs.length; d++) {
            drugNames.put(drugs[d][0], drugs[d][1]);
            drugMoas.put(drugs[d][0], List.of(drugs[d][2]));
            Map<String, Double> a = new LinkedHashMap<>();
            int k = 0;
            for (String id : lines) {
                if (d == 5 && k++ % 5 == 0) {
                    continue; // some lines not screened
                }
                a.put(id, 0.7 + beta[d] * factorValues.get(1).get(id) + 0.03 * rnd.nextGaussian());
            }
            auc.put(drugs[d][0], a);
        }
        cross.add(RowFactory.create(2, "M2", "sensitivity", 3, new String[] {"Alpha", "Beta", "Gamma"}));
        cross.add(RowFactory.create(1, "M1", "resistance", 3, new String[] {"Alpha", "Beta", "Gamma"}));
        cross.add(RowFactory.create(3, "M1", "resistance", 2, new String[] {"Alpha", "Beta"}));
    }

    /** Puts the harmonised data, MOFA outputs and enrichment results into {@code ctx}. */
    void install(RunContext ctx, boolean withCrossLineage) {
        SparkSession spark = ctx.spark();
        List<Row> samples = new ArrayList<>();
        for (String id : lines) {
            samples.add(RowFactory.create(id, id + "_X", lineageOf.get(id), lineageOf.get(id), true, true, 6));
        }
        List<Row> features = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> v : symbols.entrySet()) {
            for (Map.Entry<String, String> f : v.getValue().entrySet()) {
                features.add(RowFactory.create(v.getKey(), f.getKey(), f.getValue(), null, null, 1.0));
            }
        }
        List<Row> responses = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> d : auc.entrySet()) {
            for (Map.Entry<String, Double> a : d.getValue().entrySet()) {
                responses.add(RowFactory.create(a.getKey(), d.getKey(), "MTS010", a.getValue(), 0.0, 1));
            }
        }
        List<Row> drugs = new ArrayList<>();
        List<Row> moaSets = new ArrayList<>();
        for (String id : drugNames.keySet()) {
            drugs.add(RowFactory.create(id, drugNames.get(id), drugMoas.get(id).toArray(new String[0]), new String[0],
                    "Launched", auc.get(id).size()));
            for (String m : drugMoas.get(id)) {
                moaSets.add(RowFactory.create(m, id));
            }
        }
        List<Row> factors = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Double>> f : factorValues.entrySet()) {
            for (Map.Entry<String, Double> v : f.getValue().entrySet()) {
                factors.add(RowFactory.create(lineageOf.get(v.getKey()), v.getKey(), f.getKey(), v.getValue()));
            }
        }
        List<Row> w = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Map<String, Double>>> v : weights.entrySet()) {
            for (Map.Entry<Integer, Map<String, Double>> f : v.getValue().entrySet()) {
                for (Map.Entry<String, Double> x : f.getValue().entrySet()) {
                    w.add(RowFactory.create(v.getKey(), x.getKey(), f.getKey(), x.getValue()));
                }
            }
        }
        ctx.put(HarmonisedData.KEY, new HarmonisedData(df(spark, samples, Tables.SAMPLES.schema()),
                df(spark, features, Tables.FEATURES.schema()), null,
                df(spark, responses, Tables.DRUG_RESPONSE.schema()), df(spark, drugs, Tables.DRUGS.schema()),
                df(spark, moaSets, Tables.MOA_SETS.schema())));
        ctx.put(MofaOutputs.KEY, new MofaOutputs(df(spark, factors, Tables.FACTORS.schema()),
                df(spark, w, Tables.WEIGHTS.schema()), null));
        ctx.put(EnrichmentResults.KEY, new EnrichmentResults(null, df(spark,
                withCrossLineage ? cross : List.of(), Tables.CROSS_LINEAGE_ASSOCIATIONS.schema())));
    }

    private static Dataset<Row> df(SparkSession spark, List<Row> rows, org.apache.spark.sql.types.StructType schema) {
        return spark.createDataFrame(rows, schema);
    }
}
