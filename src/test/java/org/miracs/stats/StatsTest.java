package org.miracs.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatsTest {

    private static void assertRel(double expected, double actual, double rel) {
        assertEquals(expected, actual, Math.abs(expected) * rel, () -> "expected " + expected + " got " + actual);
    }

    @Test
    void averageRanksMatchScipyRankdata() {
        // scipy.stats.rankdata([3,1,4,1,5,9,2,6,5,3,5])
        assertArrayEquals(new double[] {4.5, 1.5, 6, 1.5, 8, 11, 3, 10, 8, 4.5, 8},
            Ranks.average(new double[] {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Ranks.average(new double[] {1, Double.NaN}));
        assertEquals(3, Ranks.distinctCount(new double[] {1, 1, 2, Double.NaN, 3, 2}));
    }

    @Test
    void spearmanScipyDocExample() {
        // scipy.stats.spearmanr([1,2,3,4,5], [5,6,7,8,7]) (scipy docs): 0.8207826816681233, 0.08858700531354381
        SpearmanCorrelation.Result r = SpearmanCorrelation.PAIRWISE_COMPLETE.correlate(
            new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7});
        assertRel(0.8207826816681233, r.rho(), 1e-14);
        assertRel(0.08858700531354381, r.pValue(), 1e-12);
        assertEquals(5, r.n());
    }

    @Test
    void spearmanClosedFormPValues() {
        // n=3, dof=1: p = (2/pi) asin(sqrt(1-rho^2)); rho=0.5 -> 2/3 (scipy: 0.6666666666666666)
        SpearmanCorrelation.Result r3 = SpearmanCorrelation.PAIRWISE_COMPLETE.correlate(
            new double[] {1, 2, 3}, new double[] {1, 3, 2});
        assertRel(0.5, r3.rho(), 1e-15);
        assertRel(2.0 / 3.0, r3.pValue(), 1e-13);
        // n=4, dof=2: p = 1 - |rho|
        for (double rho : new double[] {0.2, -0.4, 0.8}) {
            assertRel(1 - Math.abs(rho), SpearmanCorrelation.pValue(rho, 4), 1e-12);
        }
        // n=6, dof=4: p = 1 - 1.5|rho| + 0.5|rho|^3 ; rho = 0.8285714285714287 (scipy p 0.04156268221574335)
        SpearmanCorrelation.Result r6 = SpearmanCorrelation.PAIRWISE_COMPLETE.correlate(
            new double[] {1, 2, 3, 4, 5, 6}, new double[] {2, 1, 4, 3, 6, 5});
        double rho = 29.0 / 35.0; // 1 - 6*6/(6*35)
        assertRel(rho, r6.rho(), 1e-15);
        assertRel(1 - 1.5 * rho + 0.5 * rho * rho * rho, r6.pValue(), 1e-12);
        assertRel(0.04156268221574335, r6.pValue(), 1e-12);
    }

    @Test
    void spearmanPairwiseCompleteWithTiesMatchesScipy() {
        double nan = Double.NaN;
        double[] x = {0.0, 1.4, 1.2, nan, -0.3, -0.5, 0.6, -0.1, 0.7, -1.8, 1.6, -0.1, 0.7, -0.1, -0.4, 0.5, 0.8, nan,
            -0.2, 0.7, -0.9, -1.5, 0.4, -0.7, -1.9, -0.8, -0.5, -1.2, -1.5, 0.0, 0.9, -0.2, -0.7, 0.4, 0.7, -0.3, 0.5,
            1.0, -0.2, -0.8};
        double[] y = {0.3, 1.1, 1.8, -1.6, -0.8, nan, -1.4, 0.1, 0.9, -1.8, 2.3, 0.8, 1.0, 0.3, 0.7, -1.0, 1.1, nan,
            -1.9, 0.8, -0.8, -0.1, -0.2, -0.4, -0.8, -1.4, 0.3, -0.8, -0.4, -0.5, nan, 0.5, -0.6, 0.9, 1.7, 1.6, -1.3,
            1.5, 0.3, -0.6};
        // scipy.stats.spearmanr(x, y, nan_policy='omit') (scipy 1.17.1)
        SpearmanCorrelation.Result r = SpearmanCorrelation.PAIRWISE_COMPLETE.correlate(x, y);
        assertEquals(36, r.n());
        assertRel(0.6150171101977759, r.rho(), 1e-13);
        assertRel(6.570375988261034e-05, r.pValue(), 1e-10);
        // tiny p: scipy.stats.spearmanr(arange(30), arange(30)+3*sin(7*arange(30)))
        double[] a = new double[30];
        double[] b = new double[30];
        for (int i = 0; i < 30; i++) {
            a[i] = i;
            b[i] = i + 0.1 * Math.sin(i * 7.0) * 30;
        }
        SpearmanCorrelation.Result t = SpearmanCorrelation.PAIRWISE_COMPLETE.correlate(a, b);
        assertRel(0.9532814238042269, t.rho(), 1e-13);
        assertRel(4.338927174143682e-16, t.pValue(), 1e-8);
    }

    @Test
    void spearmanDegenerateInputs() {
        SpearmanCorrelation.Result c = SpearmanCorrelation.PAIRWISE_COMPLETE.correlate(
            new double[] {1, 1, 1, 1}, new double[] {1, 2, 3, 4});
        assertTrue(Double.isNaN(c.rho()) && Double.isNaN(c.pValue()));
        SpearmanCorrelation.Result two = SpearmanCorrelation.PAIRWISE_COMPLETE.correlate(
            new double[] {1, 2}, new double[] {2, 1});
        assertEquals(-0.9999999999999999, two.rho(), 0.0); // scipy gives the same rounding
        assertTrue(Double.isNaN(two.pValue())); // scipy: dof 0 -> nan
        SpearmanCorrelation.Result perfect = SpearmanCorrelation.PAIRWISE_COMPLETE.correlate(
            new double[] {1, 2, 3, 4, 5}, new double[] {10, 20, 30, 40, 50});
        // scipy: SignificanceResult(statistic=0.9999999999999999, pvalue=1.4042654220543602e-24)
        assertEquals(0.9999999999999999, perfect.rho(), 0.0);
        assertRel(1.4042654220543602e-24, perfect.pValue(), 1e-6);
        assertEquals(0.0, SpearmanCorrelation.pValue(1.0, 5), 0.0);
    }

    @Test
    void benjaminiHochbergMatchesScipy() {
        // scipy.stats.false_discovery_control([0.01,0.04,0.03,0.2,0.04,0.9,0.0005])
        double[] p = {0.01, 0.04, 0.03, 0.2, 0.04, 0.9, 0.0005};
        assertArrayEquals(new double[] {0.035, 0.055999999999999994, 0.055999999999999994, 0.23333333333333336,
            0.055999999999999994, 0.9, 0.0035}, BenjaminiHochberg.SCIPY.adjust(p), 0.0);
        // closed form: monotone, capped at 1
        double[] adj = BenjaminiHochberg.STATSMODELS.adjust(new double[] {0.5, 0.9, 1.0});
        assertArrayEquals(new double[] {1.0, 1.0, 1.0}, adj, 0.0);
    }

    @Test
    void benjaminiHochbergIgnoresNaN() {
        double nan = Double.NaN;
        double[] adj = BenjaminiHochberg.SCIPY.adjust(new double[] {0.01, nan, 0.02, nan});
        // m = 2: 0.01*2/1 = 0.02, 0.02*2/2 = 0.02
        assertEquals(0.02, adj[0], 0.0);
        assertTrue(Double.isNaN(adj[1]) && Double.isNaN(adj[3]));
        assertEquals(0.02, adj[2], 0.0);
        assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.SCIPY.adjust(new double[] {1.5}));
    }
}
