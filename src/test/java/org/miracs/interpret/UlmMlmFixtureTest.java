package org.miracs.interpret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.miracs.testutil.Fixtures;

/**
 * ULM and MLM against decoupler 2.0.4 ({@code dc.mt.ulm} / {@code dc.mt.mlm}, tmin=5) on the
 * ulm_mlm_small fixture (fixtures/ulm_mlm_small/README.md): 3 vectors x 400 genes, 8 sources of
 * which PW_H_small (4 targets) is pruned.
 */
class UlmMlmFixtureTest {

    static final String DIR = "ulm_mlm_small/";
    static final double T_TOL = 1e-9;
    /** p relative tolerance (absolute below 1e-300). */
    static final double P_REL = 1e-9;
    /** MLM p is 2*(1-cdf): only absolute precision ~1e-16 survives the subtraction, in decoupler as here. */
    static final double MLM_P_ABS = 1e-14;

    static Map<String, FeatureVector> vectors;
    static PriorNetwork net;
    static List<Map<String, String>> reference;

    @BeforeAll
    static void load() throws IOException {
        Map<String, List<String>> genes = new LinkedHashMap<>();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Map<String, String> r : Fixtures.table(DIR + "loadings_long.csv")) {
            genes.computeIfAbsent(r.get("sample"), k -> new ArrayList<>()).add(r.get("gene"));
            values.computeIfAbsent(r.get("sample"), k -> new ArrayList<>()).add(Double.parseDouble(r.get("value")));
        }
        vectors = new LinkedHashMap<>();
        for (String s : genes.keySet()) {
            double[] v = values.get(s).stream().mapToDouble(Double::doubleValue).toArray();
            vectors.put(s, FeatureVector.of(s, genes.get(s), v));
        }
        try (Reader r = new InputStreamReader(UlmMlmFixtureTest.class.getResourceAsStream(
            "/fixtures/" + DIR + "net_long.csv"), StandardCharsets.UTF_8)) {
            net = PriorNetwork.parse("net_long.csv", r);
        }
        reference = Fixtures.table(DIR + "decoupler_ulm_mlm_tmin5.csv");
    }

    @Test
    void ulmMatchesDecoupler() {
        double[] worst = compare("ulm", (v) -> Ulm.defaults().score(v, net));
        System.out.printf("ulm vs decoupler 2.0.4: max|dt|=%.3g max rel dp=%.3g max rel dpadj=%.3g%n",
            worst[0], worst[1], worst[2]);
    }

    @Test
    void mlmMatchesDecoupler() {
        double[] worst = compare("mlm", (v) -> Mlm.defaults().score(v, net));
        System.out.printf("mlm vs decoupler 2.0.4: max|dt|=%.3g max |dp|=%.3g%n", worst[0], worst[3]);
    }

    @Test
    void smallSourceIsPrunedByTmin() {
        ActivityScores u = Ulm.defaults().score(vectors.get("F1"), net);
        assertEquals(-1, u.indexOf("PW_H_small"));
        assertEquals(List.of("PW_A", "PW_B", "PW_C", "PW_D", "PW_E", "PW_F", "PW_G"), u.sources());
        assertEquals(398, u.degreesOfFreedom());
        assertEquals(400 - 7 - 1, Mlm.defaults().score(vectors.get("F1"), net).degreesOfFreedom());
        // with tmin 4 the small source is kept
        assertTrue(Ulm.withTmin(4).score(vectors.get("F1"), net).indexOf("PW_H_small") >= 0);
    }

    @Test
    void plantedSignalsAreRecovered() {
        ActivityScores f1 = Ulm.defaults().score(vectors.get("F1"), net);
        ActivityScores f2 = Ulm.defaults().score(vectors.get("F2"), net);
        assertTrue(f1.score(f1.indexOf("PW_A")) > 5 && f1.pAdjusted(f1.indexOf("PW_A")) < 1e-6);
        assertTrue(f2.score(f2.indexOf("PW_C")) < -5);
        assertFalse(f2.pAdjusted(f2.indexOf("PW_A")) < 0.05);
    }

    @Test
    void networkWithoutEnoughTargetsGivesNoSources() {
        PriorNetwork none = PriorNetwork.builder("none").add("S", "NOT_A_GENE", 1).build();
        assertEquals(0, Ulm.defaults().score(vectors.get("F1"), none).size());
        assertEquals(0, Mlm.defaults().score(vectors.get("F1"), none).size());
    }

    interface Scorer {
        ActivityScores score(FeatureVector v);
    }

    /** Returns {max|dt|, max rel dp, max rel dpadj, max abs dp}. */
    private static double[] compare(String method, Scorer scorer) {
        Map<String, ActivityScores> got = new LinkedHashMap<>();
        vectors.forEach((k, v) -> got.put(k, scorer.score(v)));
        double[] worst = new double[4];
        int rows = 0;
        for (Map<String, String> r : reference) {
            if (!r.get("method").equals(method)) {
                continue;
            }
            rows++;
            ActivityScores a = got.get(r.get("sample"));
            int i = a.indexOf(r.get("source"));
            assertTrue(i >= 0, r.toString());
            double t = Double.parseDouble(r.get("score"));
            double p = Double.parseDouble(r.get("pval_raw"));
            double padj = Double.parseDouble(r.get("padj_as_returned"));
            String at = method + " " + r.get("sample") + " " + r.get("source");
            assertEquals(t, a.score(i), T_TOL, at + " t");
            worst[0] = Math.max(worst[0], Math.abs(t - a.score(i)));
            worst[3] = Math.max(worst[3], Math.abs(p - a.pValue(i)));
            if (method.equals("ulm")) {
                assertEquals(p, a.pValue(i), P_REL * p, at + " p");
                assertEquals(padj, a.pAdjusted(i), P_REL * padj, at + " padj");
                assertEquals(padj, a.pAsDecoupler(i), P_REL * padj, at + " padj as decoupler");
                worst[1] = Math.max(worst[1], Math.abs(p - a.pValue(i)) / p);
                worst[2] = Math.max(worst[2], Math.abs(padj - a.pAdjusted(i)) / padj);
            } else {
                assertEquals(p, a.pValue(i), Math.max(MLM_P_ABS, P_REL * p), at + " p");
                assertEquals(padj, a.pAsDecoupler(i), Math.max(MLM_P_ABS, P_REL * p), at + " p as decoupler");
                assertTrue(a.pAdjusted(i) >= a.pValue(i), at + " BH >= raw");
            }
        }
        for (ActivityScores a : got.values()) {
            assertEquals(7, a.size(), a.toString());
        }
        assertEquals(21, rows);
        return worst;
    }
}
