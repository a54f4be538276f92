package org.miracs.interpret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.miracs.interpret.SensitivityGroups.Group;

/**
 * 101 lines with AUC = 0..100: numpy's linear percentiles are exactly p33 = 33.0 and p67 = 67.0
 * (observed values), so the inclusive inequalities decide the boundary lines. Lineage A (even
 * AUCs, factor = AUC/10) is normal with equal spreads -> Student t; lineage B (odd AUCs,
 * factor = exp(AUC/10), one factor missing) is skewed -> Mann-Whitney; lineage C has one line.
 * Expected statistics: scipy 1.17.1 (script in the comments of each value).
 */
class SensitivityGroupsTest {

    static final int N = 101;
    static final String[] LINEAGE = new String[N];
    static final double[] AUC = new double[N];
    static final double[] FACTOR = new double[N];

    static {
        for (int i = 0; i < N; i++) {
            AUC[i] = i;
            LINEAGE[i] = i == 50 ? "C" : (i % 2 == 0 ? "A" : "B");
            FACTOR[i] = i % 2 == 0 ? i / 10.0 : Math.exp(i / 10.0);
        }
        FACTOR[1] = Double.NaN;
    }

    @Test
    void panCancerThresholdsAndInclusiveGroups() {
        SensitivityGroups sg = SensitivityGroups.defaults();
        double[] th = sg.thresholds(AUC);
        // numpy.percentile(np.arange(101.), [33, 67]) == [33.0, 67.0]
        assertEquals(33.0, th[0], 0);
        assertEquals(67.0, th[1], 0);
        Group[] g = sg.classify(AUC);
        assertEquals(Group.SENSITIVE, g[33], "AUC == p33 is sensitive (<=)");
        assertEquals(Group.INTERMEDIATE, g[34]);
        assertEquals(Group.INTERMEDIATE, g[66]);
        assertEquals(Group.RESISTANT, g[67], "AUC == p67 is resistant (>=)");
        assertEquals(34, count(g, Group.SENSITIVE));
        assertEquals(34, count(g, Group.RESISTANT));
        // NaN AUC is missing and does not move the thresholds (nanpercentile)
        double[] withNaN = java.util.Arrays.copyOf(AUC, N + 1);
        withNaN[N] = Double.NaN;
        assertEquals(Group.MISSING, sg.classify(withNaN)[N]);
        assertEquals(33.0, sg.thresholds(withNaN)[0], 0);
        // heavy ties: p33 == p67 -> no split
        Group[] tied = sg.classify(new double[] {1, 2, 2, 2, 2, 2, 3});
        assertEquals(0, count(tied, Group.SENSITIVE) + count(tied, Group.RESISTANT));
    }

    @Test
    void perLineageComparisonFollowsTheAuthorsPath() {
        SensitivityGroups.DrugSplit split = SensitivityGroups.defaults().split("tozasertib", LINEAGE, AUC, FACTOR);
        assertEquals(N, split.linesWithAuc());
        assertEquals(33.0, split.lowerThreshold(), 0);
        List<SensitivityGroups.LineageComparison> ls = split.lineages();
        assertEquals(List.of("A", "B", "C"), ls.stream().map(SensitivityGroups.LineageComparison::lineage).toList());

        SensitivityGroups.LineageComparison a = ls.get(0);
        assertEquals(17, a.sensitive());
        assertEquals(16, a.intermediate());
        assertEquals(17, a.resistant());
        SensitivityGroups.Comparison ca = a.comparison();
        // scipy: mannwhitneyu -> U1 = 0, p = 7.054087623401141e-07 (asymptotic, both groups > 8)
        assertEquals(0.0, ca.mannWhitney().u1());
        assertEquals(MannWhitneyU.Method.ASYMPTOTIC, ca.mannWhitney().method());
        GroupStatisticsTest.close(7.054087623401141e-07, ca.mannWhitney().pValue(), 1e-12, "A mwu p");
        // shapiro of each group: W = 0.9620584987175169, p = 0.670442424537535; levene W = 0, p = 1
        GroupStatisticsTest.close(0.670442424537535, ca.shapiroSensitive().pValue(), 1e-10, "A shapiro");
        assertEquals(1.0, ca.levene().pValue(), 1e-15);
        // -> Student t: t = -19.629909152447272, p = 2.074491359434892e-19 (df 32)
        assertEquals(SensitivityGroups.Test.STUDENT_T, ca.chosen());
        GroupStatisticsTest.close(-19.629909152447272, ca.tTest().statistic(), 1e-12, "A t");
        GroupStatisticsTest.close(2.074491359434892e-19, ca.chosenP(), 1e-9, "A t p");
        assertEquals(1.6, ca.medianSensitive(), 1e-15);
        assertEquals(8.4, ca.medianResistant(), 1e-15);

        SensitivityGroups.LineageComparison b = ls.get(1);
        assertEquals(16, b.sensitive(), "line 1 has no factor value");
        assertEquals(17, b.resistant());
        SensitivityGroups.Comparison cb = b.comparison();
        // shapiro p 0.02127726479760076 / 0.011577089384546282, levene p 0.00045650253893910104 -> Mann-Whitney,
        // U1 = 0, p = 1.0556608808577622e-06
        GroupStatisticsTest.close(0.02127726479760076, cb.shapiroSensitive().pValue(), 1e-10, "B shapiro s");
        GroupStatisticsTest.close(0.011577089384546282, cb.shapiroResistant().pValue(), 1e-10, "B shapiro r");
        GroupStatisticsTest.close(0.00045650253893910104, cb.levene().pValue(), 1e-10, "B levene");
        assertEquals(SensitivityGroups.Test.MANN_WHITNEY, cb.chosen());
        GroupStatisticsTest.close(1.0556608808577622e-06, cb.chosenP(), 1e-12, "B mwu p");
        GroupStatisticsTest.close(-4.297889309585111, cb.tTest().statistic(), 1e-12, "B t (reported)");

        SensitivityGroups.LineageComparison c = ls.get(2);
        assertNull(c.comparison());
        assertEquals(1, c.intermediate());
        assertTrue(c.skipped().contains("fewer than 3"), c.skipped());
    }

    @Test
    void minimumGroupSizeIsConfigurable() {
        SensitivityGroups strict = SensitivityGroups.defaults().withMinPerGroup(17);
        List<SensitivityGroups.LineageComparison> ls = strict.split("d", LINEAGE, AUC, FACTOR).lineages();
        assertTrue(ls.get(0).comparison() != null, "A has 17 and 17");
        assertNull(ls.get(1).comparison(), "B has only 16 sensitive");
        assertThrows(IllegalArgumentException.class, () -> SensitivityGroups.defaults().withMinPerGroup(2));
        assertThrows(IllegalArgumentException.class, () -> SensitivityGroups.defaults().withPercentiles(67, 33));
    }

    private static int count(Group[] g, Group want) {
        int n = 0;
        for (Group x : g) {
            if (x == want) {
                n++;
            }
        }
        return n;
    }
}
