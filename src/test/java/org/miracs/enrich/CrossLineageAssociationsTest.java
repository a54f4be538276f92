package org.miracs.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.miracs.config.MiracsConfig;
import org.miracs.config.MiracsConfig.CrossLineageRule;
import org.miracs.enrich.CrossLineageAssociations.Association;
import org.miracs.enrich.CrossLineageAssociations.Entry;

/** Cross-lineage associations from a hand-made enrichment table, both rules, worked out by hand. */
class CrossLineageAssociationsTest {

    /** 3 lineages x factors 1, 2 x MoAs topo, hsp, egfr. */
    static List<Entry> table() {
        List<Entry> e = new ArrayList<>();
        // lineage, factor, moa, nes, padj
        e.add(new Entry("Lung", 1, "topo", 2.1, 0.001));
        e.add(new Entry("Breast", 1, "topo", 1.8, 0.01));
        e.add(new Entry("Bowel", 1, "topo", 1.5, 0.049));   // padj < 0.05: called
        e.add(new Entry("Lung", 1, "hsp", 1.2, 0.05));      // padj not < 0.05
        e.add(new Entry("Breast", 1, "hsp", 0.9, 0.001));   // |NES| < 1
        e.add(new Entry("Bowel", 1, "hsp", 1.0, 0.04));     // |NES| >= 1: called
        e.add(new Entry("Lung", 1, "egfr", -0.2, 0.9));
        e.add(new Entry("Breast", 1, "egfr", 0.1, 0.9));
        e.add(new Entry("Bowel", 1, "egfr", -0.3, 0.9));
        e.add(new Entry("Lung", 2, "topo", 0.3, 0.8));
        e.add(new Entry("Breast", 2, "topo", -0.4, 0.7));
        e.add(new Entry("Bowel", 2, "topo", 0.0, 1.0));
        e.add(new Entry("Lung", 2, "hsp", -0.5, 0.6));
        e.add(new Entry("Breast", 2, "hsp", 0.2, 0.9));
        e.add(new Entry("Bowel", 2, "hsp", Double.NaN, 1.0)); // ignored
        e.add(new Entry("Lung", 2, "egfr", -1.9, 0.002));
        e.add(new Entry("Breast", 2, "egfr", -2.2, 0.0));
        e.add(new Entry("Bowel", 2, "egfr", -1.1, 0.2));
        return e;
    }

    static MiracsConfig.CrossLineage rule(CrossLineageRule r) {
        return new MiracsConfig.CrossLineage(r, 0.05, 1.0, 90, 10);
    }

    @Test
    void thresholdRule() {
        List<Association> a = CrossLineageAssociations.compute(table(), rule(CrossLineageRule.THRESHOLD));
        assertEquals(List.of(
                new Association(1, "topo", "resistance", List.of("Bowel", "Breast", "Lung")),
                new Association(2, "egfr", "sensitivity", List.of("Breast", "Lung")),
                new Association(1, "hsp", "resistance", List.of("Bowel"))), a);
        assertEquals("factor\tmoa\tdirection\tn_lineages\tlineages\n"
                + "1\ttopo\tresistance\t3\tBowel,Breast,Lung\n"
                + "2\tegfr\tsensitivity\t2\tBreast,Lung\n"
                + "1\thsp\tresistance\t1\tBowel\n",
                CrossLineageAssociations.toTsv(a, new String[] {"factor", "moa", "direction", "n_lineages", "lineages"}));
    }

    @Test
    void percentileRule() {
        // 17 finite NES sorted: -2.2 -1.9 -1.1 -0.5 -0.4 -0.3 -0.2 0.0 0.1 0.2 0.3 0.9 1.0 1.2 1.5 1.8 2.1
        // numpy.percentile(.., 90): index 0.9*16 = 14.4 -> 1.5 + 0.4*(1.8-1.5) = 1.62
        // numpy.percentile(.., 10): index 1.6 -> -1.9 + 0.6*(-1.1+1.9) = -1.42
        MiracsConfig.CrossLineage r = rule(CrossLineageRule.PERCENTILE);
        CrossLineageAssociations.Cutoffs cut = CrossLineageAssociations.cutoffs(table(), r);
        assertEquals(1.62, cut.upper(), 1e-12);
        assertEquals(-1.42, cut.lower(), 1e-12);
        List<Association> a = CrossLineageAssociations.compute(table(), r);
        assertEquals(List.of(
                new Association(1, "topo", "resistance", List.of("Breast", "Lung")),
                new Association(2, "egfr", "sensitivity", List.of("Breast", "Lung"))), a);
    }

    @Test
    void percentileMatchesNumpyLinear() {
        double[] a = {1, 2, 3, 4};
        assertEquals(3.7, CrossLineageAssociations.percentile(a, 90), 1e-15);   // np.percentile([1,2,3,4], 90)
        assertEquals(1.3, CrossLineageAssociations.percentile(a, 10), 1e-15);
        assertEquals(4.0, CrossLineageAssociations.percentile(a, 100), 0);
        assertEquals(1.0, CrossLineageAssociations.percentile(a, 0), 0);
        assertEquals(5.0, CrossLineageAssociations.percentile(new double[] {5}, 90), 0);
        double[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(9.1, CrossLineageAssociations.percentile(ten, 90), 1e-12); // np.percentile(range(1,11), 90)
    }
}
