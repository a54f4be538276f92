package org.miracs.enrich.gsea;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.miracs.testutil.Fixtures;

/** Loads the gsea_small fixture (decoupler 2.0.4 reference, see fixtures/gsea_small/README.md). */
final class GseaFixtureSupport {
    static final String DIR = "gsea_small/";

    final String[] samples;
    final String[] drugs;
    final double[][] scores;

    private GseaFixtureSupport(String[] samples, String[] drugs, double[][] scores) {
        this.samples = samples;
        this.drugs = drugs;
        this.scores = scores;
    }

    static GseaFixtureSupport wide(String file) {
        List<String[]> rows = Fixtures.csv(DIR + file);
        String[] header = rows.get(0);
        String[] drugs = java.util.Arrays.copyOfRange(header, 1, header.length);
        String[] samples = new String[rows.size() - 1];
        double[][] scores = new double[samples.length][drugs.length];
        for (int o = 0; o < samples.length; o++) {
            String[] r = rows.get(o + 1);
            samples[o] = r[0];
            for (int f = 0; f < drugs.length; f++) {
                scores[o][f] = Double.parseDouble(r[f + 1]);
            }
        }
        return new GseaFixtureSupport(samples, drugs, scores);
    }

    static SetCollection sets() {
        SetCollection.Builder b = SetCollection.builder();
        List<String[]> rows = Fixtures.csv(DIR + "sets_long.csv");
        for (int i = 1; i < rows.size(); i++) {
            b.add(rows.get(i)[0], rows.get(i)[1]);
        }
        return b.build();
    }

    /** Reference rows keyed "sample|set". */
    static Map<String, Map<String, String>> reference(String file) {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (Map<String, String> r : Fixtures.table(DIR + file)) {
            out.put(r.get("sample") + "|" + r.get("set"), r);
        }
        return out;
    }

    static double d(Map<String, String> r, String col) {
        return Double.parseDouble(r.get(col));
    }

    static List<String> split(String s) {
        return s.isEmpty() ? List.of() : new ArrayList<>(List.of(s.split(";")));
    }
}
