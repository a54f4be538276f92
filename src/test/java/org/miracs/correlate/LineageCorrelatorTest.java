package org.miracs.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.miracs.stats.SpearmanCorrelation;

class LineageCorrelatorTest {

    @Test
    void matchesScipyOnAPairWithTiesAndMissingValues() {
        double nan = Double.NaN;
        double[] factor = {0.0, 1.4, 1.2, nan, -0.3, -0.5, 0.6, -0.1, 0.7, -1.8, 1.6, -0.1, 0.7, -0.1, -0.4, 0.5, 0.8,
            nan, -0.2, 0.7, -0.9, -1.5, 0.4, -0.7, -1.9, -0.8, -0.5, -1.2, -1.5, 0.0, 0.9, -0.2, -0.7, 0.4, 0.7, -0.3,
            0.5, 1.0, -0.2, -0.8};
        double[] auc = {0.3, 1.1, 1.8, -1.6, -0.8, nan, -1.4, 0.1, 0.9, -1.8, 2.3, 0.8, 1.0, 0.3, 0.7, -1.0, 1.1, nan,
            -1.9, 0.8, -0.8, -0.1, -0.2, -0.4, -0.8, -1.4, 0.3, -0.8, -0.4, -0.5, nan, 0.5, -0.6, 0.9, 1.7, 1.6, -1.3,
            1.5, 0.3, -0.6};
        List<FactorDrugCorrelation> rows = new LineageCorrelator(CorrelationOptions.MIRACS)
            .correlate(new String[] {"Factor1"}, new double[][] {factor}, new String[] {"BRD-1"}, new double[][] {auc});
        assertEquals(1, rows.size());
        FactorDrugCorrelation r = rows.get(0);
        // scipy.stats.spearmanr(factor, auc, nan_policy='omit') -> 0.6150171101977759, 6.570375988261034e-05
        assertEquals(36, r.n());
        assertEquals(0.6150171101977759, r.rho(), 1e-13);
        assertEquals(6.570375988261034e-05, r.pValue(), 6.570375988261034e-05 * 1e-10);
        assertEquals("Factor1", r.factor());
        assertEquals("BRD-1", r.drug());
    }

    @Test
    void equalsPairwiseSpearmanOnRandomLineage() {
        SplittableRandom rnd = new SplittableRandom(7);
        int nL = 40;
        int nF = 6;
        int nD = 50;
        double[][] z = new double[nF][nL];
        double[][] auc = new double[nD][nL];
        for (int f = 0; f < nF; f++) {
            for (int l = 0; l < nL; l++) {
                z[f][l] = f == 5 && l % 7 == 0 ? Double.NaN : Math.round(rnd.nextGaussian() * 4) / 4.0; // ties
            }
        }
        for (int d = 0; d < nD; d++) {
            double missing = d < 10 ? 0.0 : rnd.nextDouble() * 0.6;
            for (int l = 0; l < nL; l++) {
                auc[d][l] = rnd.nextDouble() < missing ? Double.NaN
                    : (d % 9 == 0 ? Math.round(rnd.nextDouble() * 8) : rnd.nextDouble());
            }
        }
        String[] fIds = new String[nF];
        String[] dIds = new String[nD];
        for (int f = 0; f < nF; f++) {
            fIds[f] = "F" + f;
        }
        for (int d = 0; d < nD; d++) {
            dIds[d] = "D" + d;
        }
        CorrelationOptions opts = CorrelationOptions.MIRACS.withIncludeFiltered(true);
        List<FactorDrugCorrelation> rows = new LineageCorrelator(opts).correlate(fIds, z, dIds, auc);
        assertEquals(nF * nD, rows.size());
        int kept = 0;
        for (int f = 0; f < nF; f++) {
            for (int d = 0; d < nD; d++) {
                FactorDrugCorrelation r = rows.get(f * nD + d);
                assertEquals(fIds[f], r.factor());
                assertEquals(dIds[d], r.drug());
                SpearmanCorrelation.Result e = SpearmanCorrelation.PAIRWISE_COMPLETE.correlate(z[f], auc[d]);
                assertEquals(e.n(), r.n());
                long distinct = java.util.Arrays.stream(auc[d]).filter(v -> !Double.isNaN(v)).distinct().count();
                boolean pass = e.n() > 5 && distinct > 10;
                if (pass) {
                    kept++;
                    assertEquals(e.rho(), r.rho(), 0.0);
                    assertEquals(e.pValue(), r.pValue(), 0.0);
                } else {
                    assertTrue(Double.isNaN(r.rho()) && Double.isNaN(r.pValue()));
                }
            }
        }
        assertTrue(kept > 200 && kept < nF * nD, "kept " + kept);
        List<FactorDrugCorrelation> omitted = new LineageCorrelator(CorrelationOptions.MIRACS).correlate(fIds, z, dIds, auc);
        assertEquals(kept, omitted.size());
    }

    @Test
    void thresholdsAreStrictAndConfigurable() {
        // 11 lines, AUC with exactly 11 distinct values -> passes "> 10"; 6 shared lines pass "> 5"
        double[] auc = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        double nan = Double.NaN;
        double[] f6 = {1, 3, 2, 5, 4, 6, nan, nan, nan, nan, nan};
        double[] f5 = {1, 3, 2, 5, 4, nan, nan, nan, nan, nan, nan};
        LineageCorrelator c = new LineageCorrelator(CorrelationOptions.MIRACS);
        List<FactorDrugCorrelation> r = c.correlate(new String[] {"a", "b"}, new double[][] {f6, f5},
            new String[] {"d"}, new double[][] {auc});
        assertEquals(1, r.size());
        assertEquals("a", r.get(0).factor());
        assertEquals(6, r.get(0).n());
        // closed form: d = (0,1,-1,1,-1,0), sum d^2 = 4, rho = 1 - 6*4/(6*35) = 31/35
        assertEquals(31.0 / 35.0, r.get(0).rho(), 1e-15);
        // 10 distinct AUC values (a tie) -> fails "> 10"
        double[] auc10 = auc.clone();
        auc10[10] = 10;
        assertEquals(0, c.correlate(new String[] {"a"}, new double[][] {f6}, new String[] {"d"},
            new double[][] {auc10}).size());
        // distinct counted over the drug's lines (authors), not the shared ones: 11 distinct overall
        // but only 6 among the shared lines
        LineageCorrelator shared = new LineageCorrelator(CorrelationOptions.MIRACS
            .withDistinctScope(CorrelationOptions.DistinctScope.SHARED_LINES));
        assertEquals(0, shared.correlate(new String[] {"a"}, new double[][] {f6}, new String[] {"d"},
            new double[][] {auc}).size());
        LineageCorrelator loose = new LineageCorrelator(CorrelationOptions.MIRACS.withMinSharedLines(4)
            .withMinDistinctAuc(3));
        assertEquals(2, loose.correlate(new String[] {"a", "b"}, new double[][] {f6, f5}, new String[] {"d"},
            new double[][] {auc}).size());
    }

    @Test
    void constantFactorGivesNaN() {
        double[] auc = new double[12];
        double[] z = new double[12];
        for (int l = 0; l < 12; l++) {
            auc[l] = l;
            z[l] = 1.0;
        }
        List<FactorDrugCorrelation> r = new LineageCorrelator(CorrelationOptions.MIRACS)
            .correlate(new String[] {"a"}, new double[][] {z}, new String[] {"d"}, new double[][] {auc});
        assertEquals(1, r.size());
        assertTrue(Double.isNaN(r.get(0).rho()) && Double.isNaN(r.get(0).pValue()));
        assertEquals(12, r.get(0).n());
    }
}
