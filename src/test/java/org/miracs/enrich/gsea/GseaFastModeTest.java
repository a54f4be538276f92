package org.miracs.enrich.gsea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FAST mode against the Monte-Carlo spread of decoupler's statistic over 30 other seeds
 * (mc_spread_times10000_tmin5.csv): NES, p and padj within 4 SD of the 30-seed mean; ES identical
 * to EXACT (the observed walk is shared).
 */
class GseaFastModeTest {

    @Test
    void fastWithinMonteCarloSpread() {
        GseaFixtureSupport fx = GseaFixtureSupport.wide("scores_wide.csv");
        Map<String, Map<String, String>> mc = GseaFixtureSupport.reference("mc_spread_times10000_tmin5.csv");
        Map<String, Map<String, String>> exact =
            GseaFixtureSupport.reference("decoupler_gsea_times10000_seed42_tmin5.csv");
        Gsea fast = new Gsea(GseaOptions.DEFAULT);
        assertEquals(GseaMode.FAST, fast.options().mode());
        Map<String, List<GseaResult>> all = fast.runObservations(fx.scores, fx.samples, fx.drugs,
            GseaFixtureSupport.sets(), "unit-test-lineage");
        double worstNes = 0;
        double worstP = 0;
        double worstPadj = 0;
        int rows = 0;
        for (String sample : fx.samples) {
            for (GseaResult r : all.get(sample)) {
                Map<String, String> m = mc.get(sample + "|" + r.set());
                rows++;
                assertEquals(GseaFixtureSupport.d(exact.get(sample + "|" + r.set()), "es"), r.es(), 0.0);
                worstNes = Math.max(worstNes, z(r.nes(), m, "nes"));
                worstP = Math.max(worstP, z(r.pValue(), m, "pval"));
                worstPadj = Math.max(worstPadj, z(r.pAdj(), m, "padj"));
            }
        }
        System.out.printf("FAST vs 30-seed MC spread: rows=%d worst |x-mean|/SD: NES %.2f, p %.2f, padj %.2f%n",
            rows, worstNes, worstP, worstPadj);
        assertEquals(mc.size(), rows);
        assertTrue(worstNes <= 4 && worstP <= 4 && worstPadj <= 4);
    }

    /** |x - mean| in SD units; a zero SD (e.g. p always 0) tolerates 1e-12. */
    private static double z(double x, Map<String, String> m, String col) {
        double mean = GseaFixtureSupport.d(m, col + "_mean");
        double sd = GseaFixtureSupport.d(m, col + "_sd");
        double d = Math.abs(x - mean);
        if (sd == 0) {
            return d <= 1e-12 ? 0 : Double.POSITIVE_INFINITY;
        }
        return d / sd;
    }

    @Test
    void fastIsDeterministicPerUnitSeed() {
        GseaFixtureSupport fx = GseaFixtureSupport.wide("scores_wide.csv");
        Gsea fast = new Gsea(GseaOptions.DEFAULT.withPermutations(300));
        SetCollection sets = GseaFixtureSupport.sets();
        long seed = fast.options().unitSeed("LUNG", "Factor3");
        assertEquals(fast.run(fx.scores[0], fx.drugs, sets, seed), fast.run(fx.scores[0], fx.drugs, sets, seed));
        List<GseaResult> other = fast.run(fx.scores[0], fx.drugs, sets, fast.options().unitSeed("LUNG", "Factor4"));
        assertTrue(!other.equals(fast.run(fx.scores[0], fx.drugs, sets, seed)));
    }

    @Test
    void plusOneCorrectionAndNoSameSignNull() {
        GseaFixtureSupport fx = GseaFixtureSupport.wide("scores_wide.csv");
        SetCollection sets = GseaFixtureSupport.sets();
        List<GseaResult> plain = new Gsea(GseaOptions.decoupler()).run(fx.scores[0], fx.drugs, sets, 42L);
        List<GseaResult> plus = new Gsea(GseaOptions.decoupler().withPlusOneCorrection(true))
            .run(fx.scores[0], fx.drugs, sets, 42L);
        for (int i = 0; i < plain.size(); i++) {
            GseaResult a = plain.get(i);
            GseaResult b = plus.get(i);
            int same = a.es() >= 0 ? a.nullPositive() : a.nullNegative();
            long count = Math.round(a.pValue() * same);
            assertEquals((count + 1.0) / (same + 1.0), b.pValue(), 1e-15);
            assertEquals(a.nes(), b.nes(), 0.0);
        }
        // moa07 in F1: p = 0 without correction, 1/(7429+1) with it
        GseaResult planted = plus.stream().filter(r -> r.set().equals("moa07_planted_pos")).findFirst().orElseThrow();
        assertEquals(1.0 / 7430, planted.pValue(), 1e-18);

        // a set occupying the top ranks with 2 permutations whose nulls are all negative:
        // seed 0 gives identity permutations (decoupler), so every null equals ES -> p = 1, NES = 1
        List<GseaResult> ident = new Gsea(GseaOptions.decoupler().withPermutations(50))
            .run(fx.scores[0], fx.drugs, sets, 0L);
        for (GseaResult r : ident) {
            assertEquals(1.0, r.pValue(), 0.0);
            assertEquals(r.es() >= 0 ? 1.0 : -1.0, r.nes(), 1e-12);
        }
    }
}
