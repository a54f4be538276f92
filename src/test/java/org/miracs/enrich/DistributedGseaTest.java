package org.miracs.enrich;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.miracs.config.MiracsConfig;
import org.miracs.enrich.gsea.Gsea;
import org.miracs.enrich.gsea.GseaResult;
import org.miracs.enrich.gsea.SetCollection;
import org.miracs.testing.SparkTestBase;

/**
 * Partition independence: the same units (3 calls x 12 samples, tied scores, different feature lists
 * per call) enriched in 1 partition and in 9 partitions (input shuffled) give bit-identical rows, in
 * FAST and EXACT mode; and the distributed rows equal the pure core's whole-call run.
 */
class DistributedGseaTest extends SparkTestBase {

    static final int DRUGS = 200;

    static String[][] sets(Random rnd) {
        List<String[]> pairs = new ArrayList<>();
        for (int s = 0; s < 15; s++) {
            int k = 3 + rnd.nextInt(23);
            String name = "set" + (char) ('A' + s);
            rnd.ints(0, DRUGS).distinct().limit(k).forEach(d -> pairs.add(new String[] {name, drug(d)}));
        }
        return pairs.toArray(new String[0][]);
    }

    static String drug(int d) {
        return String.format("D%03d", d);
    }

    /** call -> (samples, features, scores) */
    record Call(String name, String[] samples, String[] features, double[][] scores) {}

    static List<Call> calls(Random rnd) {
        List<Call> out = new ArrayList<>();
        int[][] ranges = {{0, 200}, {10, 190}, {0, 160}};
        for (int c = 0; c < 3; c++) {
            int from = ranges[c][0];
            int to = ranges[c][1];
            String[] features = new String[to - from];
            for (int d = from; d < to; d++) {
                features[d - from] = drug(d);
            }
            String[] samples = new String[12];
            double[][] scores = new double[12][features.length];
            for (int s = 0; s < 12; s++) {
                samples[s] = Integer.toString(s + 1);
                for (int f = 0; f < features.length; f++) {
                    scores[s][f] = Math.round(Math.max(-1, Math.min(1, 0.3 * rnd.nextGaussian())) * 50) / 50.0; // ties
                }
                scores[s][s] += 0.9; // some structure
            }
            out.add(new Call("L" + (c + 1), samples, features, scores));
        }
        return out;
    }

    static List<String> asText(List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2) + "|" + r.getInt(3) + "|"
                    + Double.doubleToRawLongBits(r.getDouble(4)) + "|" + Double.doubleToRawLongBits(r.getDouble(5)) + "|"
                    + Double.doubleToRawLongBits(r.getDouble(6)) + "|" + Double.doubleToRawLongBits(r.getDouble(7)) + "|"
                    + r.getList(8));
        }
        Collections.sort(out);
        return out;
    }

    @ParameterizedTest
    @EnumSource(MiracsConfig.EnrichmentMode.class)
    void onePartitionAndManyGiveIdenticalRows(MiracsConfig.EnrichmentMode mode) {
        Random rnd = new Random(11);
        String[][] sets = sets(rnd);
        List<Call> calls = calls(rnd);
        List<Row> units = new ArrayList<>();
        for (Call c : calls) {
            for (EnrichmentUnit u : EnrichmentCalls.build(c.name(), c.samples(), c.features(), c.scores(), true).units()) {
                units.add(DistributedGsea.toRow(u));
            }
        }
        Assertions.assertEquals(36, units.size());
        MiracsConfig.Enrichment cfg = new MiracsConfig.Enrichment(500, 5, mode, 42L, false);

        Dataset<Row> ordered = spark().createDataFrame(units, DistributedGsea.UNIT_SCHEMA).coalesce(1);
        List<Row> shuffledUnits = new ArrayList<>(units);
        Collections.shuffle(shuffledUnits, new Random(3));
        Dataset<Row> shuffled = spark().createDataFrame(shuffledUnits, DistributedGsea.UNIT_SCHEMA).repartition(5);

        List<String> one = asText(DistributedGsea.run(ordered, sets, cfg, 1, null).collectAsList());
        List<String> many = asText(DistributedGsea.run(shuffled, sets, cfg, 9, null).collectAsList());
        Assertions.assertFalse(one.isEmpty());
        Assertions.assertEquals(one, many);

        // the same as the pure core running each call as one decoupler call
        SetCollection collection = DistributedGsea.collection(sets);
        Gsea gsea = new Gsea(DistributedGsea.gseaOptions(cfg));
        List<String> direct = new ArrayList<>();
        for (Call c : calls) {
            Map<String, List<GseaResult>> res = gsea.runObservations(c.scores(), c.samples(), c.features(), collection,
                    c.name());
            res.forEach((sample, rs) -> {
                for (GseaResult r : rs) {
                    direct.add(c.name() + "|" + sample + "|" + r.set() + "|" + r.size() + "|"
                            + Double.doubleToRawLongBits(r.es()) + "|" + Double.doubleToRawLongBits(r.nes()) + "|"
                            + Double.doubleToRawLongBits(r.pValue()) + "|" + Double.doubleToRawLongBits(r.pAdj()) + "|"
                            + r.leadingEdge());
                }
            });
        }
        Collections.sort(direct);
        Assertions.assertEquals(direct, one);
    }
}
