package org.miracs.enrich.gsea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * EXACT mode against decoupler 2.0.4's own outputs (fixtures/gsea_small): ES and p identical,
 * |dNES| <= 1e-9, padj as scipy computes it from those p, leading edge as the reference
 * re-implementation's dc.pl.leading_edge columns.
 */
class GseaExactFixtureTest {

    @ParameterizedTest
    @CsvSource({
        "decoupler_gsea_times10000_seed42_tmin5.csv, reimpl_gsea_times10000_seed42_tmin5.csv, 10000, 5",
        "decoupler_gsea_times10000_seed42_tmin1.csv, reimpl_gsea_times10000_seed42_tmin1.csv, 10000, 1",
        "decoupler_gsea_times100_seed42_tmin5.csv,   reimpl_gsea_times100_seed42_tmin5.csv,   100,   5",
        "decoupler_gsea_times100_seed42_tmin1.csv,   reimpl_gsea_times100_seed42_tmin1.csv,   100,   1",
        "decoupler_gsea_times0_tmin5.csv,            reimpl_gsea_times0_tmin5.csv,            0,     5",
    })
    void matchesDecoupler(String decouplerFile, String reimplFile, int times, int tmin) {
        GseaFixtureSupport fx = GseaFixtureSupport.wide("scores_wide.csv");
        Map<String, Map<String, String>> ref = GseaFixtureSupport.reference(decouplerFile);
        Map<String, Map<String, String>> le = GseaFixtureSupport.reference(reimplFile);
        Gsea gsea = new Gsea(GseaOptions.decoupler().withPermutations(times).withTmin(tmin));
        Map<String, List<GseaResult>> all = gsea.runObservations(fx.scores, fx.samples, fx.drugs,
            GseaFixtureSupport.sets());
        double maxDes = 0;
        double maxDp = 0;
        double maxDnes = 0;
        double maxDpadj = 0;
        int rows = 0;
        for (String sample : fx.samples) {
            for (GseaResult r : all.get(sample)) {
                Map<String, String> e = ref.get(sample + "|" + r.set());
                assertTrue(e != null, "unexpected set " + r.set());
                rows++;
                assertEquals(Integer.parseInt(e.get("size")), r.size());
                maxDes = Math.max(maxDes, Math.abs(GseaFixtureSupport.d(e, "es") - r.es()));
                maxDp = Math.max(maxDp, Math.abs(GseaFixtureSupport.d(e, "pval") - r.pValue()));
                maxDnes = Math.max(maxDnes, Math.abs(GseaFixtureSupport.d(e, "nes") - r.nes()));
                maxDpadj = Math.max(maxDpadj, Math.abs(GseaFixtureSupport.d(e, "padj") - r.pAdj()));
                Map<String, String> l = le.get(sample + "|" + r.set());
                assertEquals(Integer.parseInt(l.get("le_rank0")), r.leadingEdgeRank(), r.set());
                assertEquals(Integer.parseInt(l.get("le_n")), r.leadingEdge().size(), r.set());
                assertEquals(GseaFixtureSupport.split(l.get("le_drugs")), r.leadingEdge(), r.set());
                if (times > 1) {
                    assertEquals(Integer.parseInt(l.get("n_null_pos")), r.nullPositive(), r.set());
                    assertEquals(Integer.parseInt(l.get("n_null_neg")), r.nullNegative(), r.set());
                }
            }
        }
        System.out.printf("EXACT %s: rows=%d max|dES|=%.3g max|dp|=%.3g max|dNES|=%.3g max|dpadj|=%.3g%n",
            decouplerFile, rows, maxDes, maxDp, maxDnes, maxDpadj);
        assertEquals(ref.size(), rows);
        assertEquals(0.0, maxDes, 0.0);
        assertEquals(0.0, maxDp, 0.0);
        assertTrue(maxDnes <= 1e-9, "max |dNES| " + maxDnes);
        assertEquals(0.0, maxDpadj, 0.0);
    }
}
