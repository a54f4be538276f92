package org.miracs.interpret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForestPlotAndTopFeaturesTest {

    @Test
    void fisherIntervalClosedForm() {
        ForestPlotStats f = ForestPlotStats.defaults();
        // z_{0.975} = 1.959963984540054 (scipy.stats.norm.ppf(0.975))
        assertEquals(1.959963984540054, f.criticalValue(), 1e-15);
        // r = 0.5, n = 28: z = atanh(0.5) = ln(3)/2, se = 1/sqrt(25) = 0.2,
        // interval tanh(ln(3)/2 -+ 1.959963984540054 * 0.2) = (0.15602836252908595, 0.7358184794439376)
        double[] ci = f.interval(0.5, 28);
        double z = Math.log(3) / 2;
        assertEquals(Math.tanh(z - 1.959963984540054 * 0.2), ci[0], 1e-15);
        assertEquals(Math.tanh(z + 1.959963984540054 * 0.2), ci[1], 1e-15);
        assertEquals(0.15602836252908595, ci[0], 1e-15);
        assertEquals(0.7358184794439376, ci[1], 1e-15);
        // r = 0 gives a symmetric interval tanh(+-1.96/sqrt(n-3))
        double[] zero = f.interval(0.0, 103);
        assertEquals(-Math.tanh(1.959963984540054 / 10), zero[0], 1e-16);
        assertEquals(Math.tanh(1.959963984540054 / 10), zero[1], 1e-16);
    }

    @Test
    void correlationOfFactorWithAuc() {
        double[] fx = {0.3, 1.2, -0.4, 0.8, 2.1, 0.0, 1.5, -1.1, 9.0};
        double[] auc = {0.5, 0.9, 0.2, 0.7, 1.0, 0.4, 0.8, 0.1, Double.NaN};
        ForestPlotStats.Correlation c = ForestPlotStats.defaults().correlate("tozasertib", "Pancreas", fx, auc);
        // the NaN pair is dropped; np.corrcoef -> 0.9778788918478984, scipy.stats.pearsonr p = 2.6615051660247188e-05
        assertEquals(8, c.n());
        assertEquals(0.9778788918478984, c.r(), 1e-15);
        assertEquals(2.6615051660247188e-05, c.pValue(), 2.6615051660247188e-05 * 1e-9);
        double[] ci = ForestPlotStats.defaults().interval(c.r(), 8);
        assertEquals(ci[0], c.lower(), 0);
        assertEquals(ci[1], c.upper(), 0);
        assertTrue(c.lower() < c.r() && c.r() < c.upper());
        // too few lines: interval undefined for n <= 3, r undefined for n < 3
        ForestPlotStats.Correlation three = ForestPlotStats.defaults().correlate("d", "L", new double[] {1, 2, 3},
            new double[] {1, 3, 2});
        assertEquals(0.5, three.r(), 1e-15);
        assertTrue(Double.isNaN(three.lower()));
        assertTrue(Double.isNaN(ForestPlotStats.defaults().correlate("d", "L", new double[] {1, 2},
            new double[] {1, 2}).r()));
    }

    @Test
    void drugSummaryAcrossLineages() {
        List<ForestPlotStats.Correlation> cs = List.of(
            new ForestPlotStats.Correlation("d", "A", 28, 0.5, 0, 0, 0),
            new ForestPlotStats.Correlation("d", "B", 13, 0.1, 0, 0, 0),
            new ForestPlotStats.Correlation("d", "C", 3, 0.9, 0, 0, 0));
        ForestPlotStats.DrugSummary s = ForestPlotStats.defaults().summarise("d", cs);
        // C (n = 3) has no Fisher weight and is left out; mean 0.3, sd (ddof 1) = sqrt(0.08)
        assertEquals(2, s.lineages());
        assertEquals(0.3, s.meanR(), 1e-15);
        assertEquals(Math.sqrt(0.08), s.sdR(), 1e-15);
        // pooled z = (25 atanh 0.5 + 10 atanh 0.1) / 35, se = 1/sqrt(35)
        double zbar = (25 * 0.5 * Math.log(3) + 10 * 0.5 * Math.log(1.1 / 0.9)) / 35;
        assertEquals(Math.tanh(zbar), s.pooledR(), 1e-15);
        assertEquals(Math.tanh(zbar - 1.959963984540054 / Math.sqrt(35)), s.pooledLower(), 1e-15);
    }

    @Test
    void topFeaturesBySignedAbsoluteWeight() {
        FeatureVector w = FeatureVector.of("Factor12", new String[] {"g1", "g2", "g3", "g4", "g5"},
            new double[] {0.1, -0.9, 0.5, 0.9, -0.05});
        List<TopFeatures.Entry> top = TopFeatures.of(3).select(w, Map.of("g4", "TP53"));
        assertEquals(3, top.size());
        // |-0.9| ties |0.9|: feature id order breaks it (g2 before g4)
        assertEquals(new TopFeatures.Entry(1, "g2", "g2", -0.9), top.get(0));
        assertEquals(new TopFeatures.Entry(2, "g4", "TP53", 0.9), top.get(1));
        assertEquals(-1, top.get(0).sign());
        assertEquals("g3", top.get(2).feature());
        assertEquals(5, TopFeatures.of(50).select(w).size());
    }

    @Test
    void proteinsCollapseToGenesWithMin() {
        // P1 and P2 both map to ATF6: min(0.4, -0.2) = -0.2 (the authors' groupby(gene).min());
        // P3 -> IRF1; P4 has no symbol and is dropped; genes sorted
        FeatureVector prot = FeatureVector.of("Factor12", new String[] {"P1", "P2", "P3", "P4"},
            new double[] {0.4, -0.2, 0.7, 1.5});
        Map<String, String> symbols = new java.util.HashMap<>(Map.of("P1", "ATF6", "P2", "ATF6", "P3", "IRF1",
            "P4", " "));
        FeatureVector genes = TopFeatures.geneLevel(prot, symbols);
        assertEquals("Factor12", genes.name());
        assertEquals(List.of("ATF6", "IRF1"), List.of(genes.features()));
        assertEquals(-0.2, genes.value(0), 0);
        assertEquals(0.7, genes.value(1), 0);
        // min of signed weights, not of |w|: a strongly positive duplicate loses to a weak negative one
        FeatureVector p2 = FeatureVector.of("F", new String[] {"a", "b"}, new double[] {5.0, -0.01});
        assertEquals(-0.01, TopFeatures.geneLevel(p2, Map.of("a", "G", "b", "G")).value(0), 0);
    }

    @Test
    void ulmOnCollapsedProteinLoadingsUsesGeneSymbols() {
        // 30 proteins of 20 genes; a network on gene symbols scores the collapsed vector
        String[] ids = new String[30];
        double[] v = new double[30];
        Map<String, String> sym = new java.util.HashMap<>();
        for (int i = 0; i < 30; i++) {
            ids[i] = "P" + i;
            sym.put(ids[i], "G" + (i % 20));
            v[i] = Math.sin(i) + (i % 20 < 6 ? 2 : 0);
        }
        FeatureVector genes = TopFeatures.geneLevel(FeatureVector.of("F", ids, v), sym);
        assertEquals(20, genes.size());
        PriorNetwork.Builder b = PriorNetwork.builder("toy");
        for (int g = 0; g < 6; g++) {
            b.add("UP", "G" + g, 1.0);
        }
        ActivityScores u = Ulm.defaults().score(genes, b.build());
        assertEquals(18, u.degreesOfFreedom());
        assertTrue(u.score(0) > 3, u.rows().toString());
    }
}
