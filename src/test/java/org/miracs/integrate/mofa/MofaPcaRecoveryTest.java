package org.miracs.integrate.mofa;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training from this package's own PCA initialisation (exact PCA instead of sklearn's randomized SVD):
 * the active factors are mofapy2's, the inactive ones are switched off, and the planted truth is recovered
 * as well as mofapy2 recovers it.
 */
class MofaPcaRecoveryTest {
    static final String REF = "out_K8_seed42_fast";
    static MofaResult ours;
    static Reference ref;

    /** mofapy2's saved solution. */
    record Reference(List<double[][]> z, List<double[][]> w, double[][][] r2) {
    }

    @BeforeAll
    static void train() {
        ours = new MofaTrainer(MofaOptions.defaults(8)).withExecutor(MofaExecutor.threads(2)).fit(MofaFixtures.data());
        List<double[][]> z = new ArrayList<>(), w = new ArrayList<>();
        for (String g : MofaFixtures.GROUPS) z.add(MofaFixtures.read(REF + "/Z_" + g + ".tsv").matrix());
        for (String v : MofaFixtures.VIEWS) w.add(MofaFixtures.read(REF + "/W_" + v + ".tsv").matrix());
        double[][][] r2 = new double[3][2][8];
        var map = MofaFixtures.r2(REF);
        for (int g = 0; g < 3; g++)
            for (int m = 0; m < 2; m++)
                for (int k = 0; k < 8; k++)
                    r2[g][m][k] = map.get(MofaFixtures.GROUPS.get(g) + "/" + MofaFixtures.VIEWS.get(m) + "/"
                            + MofaResult.factorName(k));
        ref = new Reference(z, w, r2);
    }

    static double[] column(List<double[][]> blocks, int k) {
        int n = 0;
        for (double[][] b : blocks) n += b.length;
        double[] out = new double[n];
        int i = 0;
        for (double[][] b : blocks) for (double[] row : b) out[i++] = row[k];
        return out;
    }

    static double[] column(double[][] b, int k) {
        return column(List.<double[][]>of(b), k);
    }

    static double pearson(double[] a, double[] b) {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    static double r2Sum(VarianceExplained ve, int k) {
        double s = 0;
        for (int g = 0; g < 3; g++) for (int m = 0; m < 2; m++) s += ve.perFactor(g, m, k);
        return s;
    }

    static List<double[][]> ourZ() {
        List<double[][]> z = new ArrayList<>();
        for (int g = 0; g < 3; g++) z.add(ours.z(g));
        return z;
    }

    static List<double[][]> ourW() {
        return List.of(ours.w(0), ours.w(1));
    }

    @Test
    void pcaInitialisationMatchesMofapy2OnTheLeadingComponents() {
        // sklearn used a randomized SVD here: leading components agree closely, trailing (noise) ones do not
        PreparedData p = PreparedData.prepare(MofaFixtures.data(), MofaOptions.defaults(8));
        double[] z = PcaInitializer.initialFactors(p, 8, MofaExecutor.serial());
        List<double[][]> ref = MofaFixtures.zInit(REF);
        int N = p.layout().numSamples();
        for (int k = 0; k < 5; k++) {
            double max = 0;
            for (int g = 0; g < 3; g++)
                for (int i = 0; i < ref.get(g).length; i++)
                    max = Math.max(max, Math.abs(ref.get(g)[i][k] - z[k * N + p.layout().start(g) + i]));
            assertTrue(max < 1e-5, "component " + k + " differs from mofapy2's z_init by " + max);
        }
        for (int k = 0; k < 8; k++) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int n = 0; n < N; n++) {
                min = Math.min(min, z[k * N + n]);
                max = Math.max(max, z[k * N + n]);
            }
            assertEquals(-1.0, min, 1e-12);
            assertEquals(1.0, max, 1e-12);
        }
    }

    @Test
    void activeFactorsMatchMofapy2AndInactiveOnesAreOff() {
        assertTrue(ours.converged());
        VarianceExplained ve = ours.varianceExplained();
        int activeRef = 0, activeOurs = 0;
        for (int k = 0; k < 8; k++) {
            double refSum = 0;
            for (double[][] byView : ref.r2) for (double[] r : byView) refSum += r[k];
            if (refSum > 0.5) activeRef++;
            if (r2Sum(ve, k) > 0.5) activeOurs++;
        }
        assertEquals(5, activeRef);
        assertEquals(activeRef, activeOurs, "number of active factors");
        // saved order puts active factors first; the rest are switched off (no variance, tiny Z, huge alphaZ)
        for (int k = activeOurs; k < 8; k++) {
            for (int g = 0; g < 3; g++) for (int m = 0; m < 2; m++)
                assertTrue(Math.abs(ve.perFactor(g, m, k)) < 1e-6, "inactive factor " + k + " explains variance");
            for (double v : column(ourZ(), k)) assertTrue(Math.abs(v) < 1e-6, "inactive factor " + k + " has Z");
            for (double[] a : ours.alphaZ()) assertTrue(a[k] > 1e3, "inactive factor " + k + " alphaZ " + a[k]);
        }
        double minZr = 1, minWr = 1, maxR2 = 0;
        List<double[][]> refWBoth = ref.w;
        for (int k = 0; k < activeRef; k++) {
            double[] rz = column(ref.z, k);
            int best = -1;
            double bestR = 0;
            for (int j = 0; j < activeOurs; j++) {
                double r = Math.abs(pearson(rz, column(ourZ(), j)));
                if (r > bestR) {
                    bestR = r;
                    best = j;
                }
            }
            double rw = Math.abs(pearson(column(refWBoth, k), column(ourW(), best)));
            minZr = Math.min(minZr, bestR);
            minWr = Math.min(minWr, rw);
            assertTrue(bestR >= 0.99, "Factor" + (k + 1) + ": |r| of Z = " + bestR);
            assertTrue(rw >= 0.99, "Factor" + (k + 1) + ": |r| of W = " + rw);
            for (int g = 0; g < 3; g++)
                for (int m = 0; m < 2; m++) {
                    double d = Math.abs(ve.perFactor(g, m, best) - ref.r2[g][m][k]);
                    maxR2 = Math.max(maxR2, d);
                    assertTrue(d <= 1.0, "R2 of Factor" + (k + 1) + " differs by " + d + " pp");
                }
        }
        var refR2 = MofaFixtures.r2(REF);
        for (int g = 0; g < 3; g++)
            for (int m = 0; m < 2; m++) {
                double d = Math.abs(ve.total(g, m) - refR2.get(MofaFixtures.GROUPS.get(g) + "/" + MofaFixtures.VIEWS.get(m)));
                maxR2 = Math.max(maxR2, d);
                assertTrue(d <= 1.0, "total R2 differs by " + d + " pp");
            }
        System.out.printf("[pca] own PCA init: %d iterations, final ELBO %.2f; min |r| Z %.5f, W %.5f; max |dR2| %.3f pp%n",
                ours.iterations(), ours.elboTrace().get(ours.elboTrace().size() - 1).elbo(), minZr, minWr, maxR2);
    }

    @Test
    void plantedFactorsAreRecoveredAsWellAsByMofapy2() {
        MofaFixtures.Table rec = MofaFixtures.read(REF + "/recovery.tsv");
        MofaFixtures.Table activity = MofaFixtures.read("truth/activity.tsv");
        List<double[][]> tz = new ArrayList<>(), tw = new ArrayList<>();
        for (String g : MofaFixtures.GROUPS) tz.add(MofaFixtures.read("truth/Z_" + g + ".tsv").matrix());
        for (String v : MofaFixtures.VIEWS) tw.add(MofaFixtures.read("truth/W_" + v + ".tsv").matrix());
        List<double[][]> z = ourZ(), w = ourW();
        for (int t = 0; t < 5; t++) {
            double[] truthAll = column(tz, t);
            int best = -1;
            double bestR = -1;
            for (int k = 0; k < ours.numFactors(); k++) {
                double r = Math.abs(pearson(truthAll, column(z, k)));
                if (r > bestR) {
                    bestR = r;
                    best = k;
                }
            }
            StringBuilder sb = new StringBuilder("TF" + (t + 1) + " -> Factor" + (best + 1) + String.format(": all %.4f", bestR));
            assertTrue(bestR >= rec.num(t, "abs_r_Z_all") - 0.005, sb.toString());
            for (int g = 0; g < 3; g++) {
                String col = "abs_r_Z_" + MofaFixtures.GROUPS.get(g);
                String refCell = rec.text(t, rec.col(col));
                if (refCell.isEmpty()) continue; // factor inactive in this group
                double r = Math.abs(pearson(column(tz.get(g), t), column(z.get(g), best)));
                sb.append(String.format(" %s %.4f", MofaFixtures.GROUPS.get(g), r));
                assertTrue(r >= Double.parseDouble(refCell) - 0.005, sb.toString());
            }
            for (int m = 0; m < 2; m++) {
                String view = MofaFixtures.VIEWS.get(m);
                if (activity.num(m, t + 2) == 0) continue; // factor not in this view
                double r = Math.abs(pearson(column(tw.get(m), t), column(w.get(m), best)));
                sb.append(String.format(" W_%s %.4f", view, r));
                assertTrue(r >= rec.num(t, "abs_r_W_" + view) - 0.005, sb.toString());
            }
            System.out.println("[recovery] " + sb);
        }
    }
}
