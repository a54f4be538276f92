package org.miracs.enrich.gsea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GseaTiesAndModesTest {

    /** scores_ties_wide.csv (~45% ties, zeros in single samples): decoupler's tie order and a stable one. */
    @Test
    void tiesMatchDecouplerAndInputOrder() {
        GseaFixtureSupport fx = GseaFixtureSupport.wide("scores_ties_wide.csv");
        Map<String, Map<String, String>> ref =
            GseaFixtureSupport.reference("decoupler_gsea_ties_times10000_seed42_tmin5.csv");
        SetCollection sets = GseaFixtureSupport.sets();
        Gsea dec = new Gsea(GseaOptions.decoupler());
        Gsea stable = new Gsea(GseaOptions.decoupler().withTieOrder(TieOrder.INPUT_ORDER));
        Map<String, List<GseaResult>> a = dec.runObservations(fx.scores, fx.samples, fx.drugs, sets);
        Map<String, List<GseaResult>> b = stable.runObservations(fx.scores, fx.samples, fx.drugs, sets);
        double[] max = new double[7];
        int rows = 0;
        for (String sample : fx.samples) {
            List<GseaResult> ra = a.get(sample);
            List<GseaResult> rb = b.get(sample);
            for (int i = 0; i < ra.size(); i++) {
                Map<String, String> e = ref.get(sample + "|" + ra.get(i).set());
                rows++;
                max[0] = Math.max(max[0], Math.abs(GseaFixtureSupport.d(e, "es") - ra.get(i).es()));
                max[1] = Math.max(max[1], Math.abs(GseaFixtureSupport.d(e, "nes") - ra.get(i).nes()));
                max[2] = Math.max(max[2], Math.abs(GseaFixtureSupport.d(e, "padj") - ra.get(i).pAdj()));
                max[3] = Math.max(max[3], Math.abs(GseaFixtureSupport.d(e, "es_input_order") - rb.get(i).es()));
                max[4] = Math.max(max[4], Math.abs(GseaFixtureSupport.d(e, "nes_input_order") - rb.get(i).nes()));
                max[5] = Math.max(max[5], Math.abs(GseaFixtureSupport.d(e, "pval_input_order") - rb.get(i).pValue()));
                max[6] = Math.max(max[6], Math.abs(GseaFixtureSupport.d(e, "padj_input_order") - rb.get(i).pAdj()));
            }
        }
        System.out.printf("TIES rows=%d decoupler order: max|dES|=%.3g max|dNES|=%.3g max|dpadj|=%.3g;"
            + " input order: max|dES|=%.3g max|dNES|=%.3g max|dp|=%.3g max|dpadj|=%.3g%n",
            rows, max[0], max[1], max[2], max[3], max[4], max[5], max[6]);
        assertEquals(ref.size(), rows);
        assertEquals(0.0, max[0], 0.0);
        assertTrue(max[1] <= 1e-9);
        assertEquals(0.0, max[2], 0.0);
        assertEquals(0.0, max[3], 0.0);
        assertTrue(max[4] <= 1e-9);
        assertEquals(0.0, max[5], 0.0);
        // the input-order column comes from the reference re-implementation, whose BH arithmetic
        // (p*m/i) differs from scipy's p*(m/i) in the last ulp
        assertTrue(max[6] <= 2.3e-16);
    }

    /** A unit run alone (streaming permutations) equals the same unit inside a shared-matrix call. */
    @Test
    void singleUnitRunEqualsCallWithSharedMatrix() {
        GseaFixtureSupport fx = GseaFixtureSupport.wide("scores_wide.csv");
        SetCollection sets = GseaFixtureSupport.sets();
        Gsea g = new Gsea(GseaOptions.decoupler().withPermutations(500));
        Map<String, List<GseaResult>> call = g.runObservations(fx.scores, fx.samples, fx.drugs, sets);
        List<GseaResult> alone = g.run(fx.scores[1], fx.drugs, sets, 42L);
        assertEquals(call.get(fx.samples[1]), alone);
    }

    /** MIRACS's per-lineage tables (obs x sets of NES and padj) are the decoupler numbers. */
    @Test
    void miracsLayoutTables() {
        GseaFixtureSupport fx = GseaFixtureSupport.wide("scores_wide.csv");
        Map<String, List<GseaResult>> all = new Gsea(GseaOptions.decoupler())
            .runObservations(fx.scores, fx.samples, fx.drugs, GseaFixtureSupport.sets());
        List<String[]> nes = org.miracs.testutil.Fixtures.csv(GseaFixtureSupport.DIR
            + "miracs_layout_enrichment_times10000_tmin5.csv");
        List<String[]> padj = org.miracs.testutil.Fixtures.csv(GseaFixtureSupport.DIR
            + "miracs_layout_pvalues_times10000_tmin5.csv");
        String[] header = nes.get(0);
        for (int o = 1; o < nes.size(); o++) {
            List<GseaResult> r = all.get(nes.get(o)[0]);
            assertEquals(header.length - 1, r.size());
            for (int c = 1; c < header.length; c++) {
                assertEquals(header[c], r.get(c - 1).set());
                assertEquals(Double.parseDouble(nes.get(o)[c]), r.get(c - 1).nes(), 1e-9);
                assertEquals(Double.parseDouble(padj.get(o)[c]), r.get(c - 1).pAdj(), 0.0);
            }
        }
    }
}
