package org.miracs.interpret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The tests behind {@link SensitivityGroups}. Expected values come from closed forms, published
 * examples, or scipy 1.17.1 / numpy 2.4.6 (same algorithms as the authors' scipy 1.11.1 / numpy
 * 1.24.4 except where noted), each cited where it is used.
 */
class GroupStatisticsTest {

    static void close(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected), what);
    }

    // ---- Shapiro-Wilk -------------------------------------------------------------------------

    @Test
    void shapiroWilkOnShapiroAndWilks1965Example() {
        // Shapiro & Wilk (1965), Biometrika 52:591, worked example: weights of 11 men, W = 0.79.
        // scipy.stats.shapiro (Royston's AS R94): W = 0.7888146948631716, p = 0.006703814061898823
        // (R's shapiro.test prints W = 0.78881, p-value = 0.006704).
        double[] men = {148, 154, 158, 160, 161, 162, 166, 170, 182, 195, 236};
        ShapiroWilk.Result r = ShapiroWilk.test(men);
        assertEquals(0.79, r.w(), 0.005, "published W");
        close(0.7888146948631716, r.w(), 1e-12, "W vs scipy");
        close(0.006703814061898823, r.pValue(), 1e-10, "p vs scipy");
    }

    @Test
    void shapiroWilkOtherSizes() {
        // scipy 1.17.1 shapiro: n = 20 takes the n > 11 branch, n = 5 the n <= 11 branch (and n <= 5 coefficients)
        double[] x20 = {2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 4.1, 3.9, 3.0, 2.5, 4.8, 3.6, 2.2, 3.1, 4.0, 3.7, 2.9, 3.5, 6.9};
        ShapiroWilk.Result r20 = ShapiroWilk.test(x20);
        close(0.9283297919213336, r20.w(), 1e-12, "W n=20");
        close(0.14339414798871386, r20.pValue(), 1e-10, "p n=20");
        ShapiroWilk.Result r5 = ShapiroWilk.test(new double[] {1.0, 2.0, 3.5, 4.0, 10.0});
        close(0.8493783705754009, r5.w(), 1e-12, "W n=5");
        close(0.19256161965874952, r5.pValue(), 1e-10, "p n=5");
        // n = 3 is exact: a = (-1/sqrt2, 0, 1/sqrt2); for {1,2,4}: W = 27/28 (closed form:
        // W = (a.x)^2 / SS = (3/sqrt2)^2 / (14/3)), p = 1 - 6/pi * acos(sqrt(W)) = 0.6368868450289689 (scipy)
        ShapiroWilk.Result r3 = ShapiroWilk.test(new double[] {4.0, 1.0, 2.0});
        close(27.0 / 28.0, r3.w(), 1e-14, "W n=3");
        close(1 - 6 / Math.PI * Math.acos(Math.sqrt(27.0 / 28.0)), r3.pValue(), 1e-12, "p n=3");
        close(0.6368868450289689, r3.pValue(), 1e-12, "p n=3 scipy");
        // zero range: scipy warns and returns W = 1, p = 1
        assertEquals(1.0, ShapiroWilk.test(new double[] {2, 2, 2, 2}).pValue());
        assertThrows(IllegalArgumentException.class, () -> ShapiroWilk.test(new double[] {1, 2}));
    }

    // ---- Levene ---------------------------------------------------------------------------------

    static final double[] A = {8.88, 9.12, 9.04, 8.98, 9.00, 9.08, 9.01, 8.85, 9.06, 8.99};
    static final double[] B = {8.88, 8.95, 9.29, 9.44, 9.15, 9.58, 8.36, 9.18, 8.67, 9.05};
    static final double[] C = {8.95, 9.12, 8.95, 8.85, 9.03, 8.84, 9.07, 8.98, 8.86, 8.98};

    @Test
    void leveneOnScipyDocumentationExample() {
        // scipy.stats.levene docs example (gear diameters, NIST/SEMATECH e-Handbook 1.3.5.10):
        // LeveneResult(statistic=7.584952754501659, pvalue=0.002431505967249681)
        Levene.Result r = Levene.test(A, B, C);
        close(7.584952754501659, r.statistic(), 1e-12, "W");
        close(0.002431505967249681, r.pValue(), 1e-10, "p");
        // two groups, scipy 1.17.1: LeveneResult(statistic=8.461374333228711, pvalue=0.009364737715584381)
        Levene.Result r2 = Levene.test(A, B);
        close(8.461374333228711, r2.statistic(), 1e-12, "W 2 groups");
        close(0.009364737715584381, r2.pValue(), 1e-10, "p 2 groups");
    }

    @Test
    void leveneOfTwoGroupsIsTheSquaredTTestOfAbsoluteDeviations() {
        // closed form: with k = 2 Levene's W is the pooled t statistic of z_ij = |y_ij - median_i|, squared,
        // and F(1, N-2).sf(t^2) is the two-sided t p-value
        double[] za = absDev(A, 9.005);
        double[] zb = absDev(B, 9.1);
        StudentTTest.Result t = StudentTTest.test(za, zb);
        Levene.Result l = Levene.test(A, B);
        close(t.statistic() * t.statistic(), l.statistic(), 1e-12, "W = t^2");
        close(t.pValue(), l.pValue(), 1e-12, "same p");
    }

    private static double[] absDev(double[] x, double median) {
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = Math.abs(x[i] - median);
        }
        return z;
    }

    // ---- Student t --------------------------------------------------------------------------------

    @Test
    void studentTClosedFormWithTwoDegreesOfFreedom() {
        // {1,3} vs {5,7}: means 2 and 6, pooled variance 2, t = -4 / sqrt(2 (1/2 + 1/2)) = -2*sqrt2;
        // with 2 df the two-sided p is 1 - |t| / sqrt(2 + t^2) = 1 - sqrt(0.8)
        StudentTTest.Result r = StudentTTest.test(new double[] {1, 3}, new double[] {5, 7});
        close(-2 * Math.sqrt(2), r.statistic(), 1e-15, "t");
        assertEquals(2, r.degreesOfFreedom());
        close(1 - Math.sqrt(0.8), r.pValue(), 1e-13, "p");
        // scipy.stats.ttest_ind(A, B): t = -0.4600231174261141, p = 0.6510078168360437, df = 18
        StudentTTest.Result s = StudentTTest.test(A, B);
        close(-0.4600231174261141, s.statistic(), 1e-12, "t scipy");
        close(0.6510078168360437, s.pValue(), 1e-12, "p scipy");
    }

    // ---- Mann-Whitney U -------------------------------------------------------------------------

    @Test
    void mannWhitneyExactClosedForms() {
        // complete separation, n1 = n2 = 3: U1 = 0, exact two-sided p = 2 / C(6,3) = 0.1
        MannWhitneyU.Result r = MannWhitneyU.test(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertEquals(0.0, r.u1());
        assertEquals(MannWhitneyU.Method.EXACT, r.method());
        close(0.1, r.pValue(), 1e-15, "p");
        // n1 = 3, n2 = 4 separated: 2 / C(7,3) = 2/35
        close(2.0 / 35, MannWhitneyU.test(new double[] {7, 8, 9}, new double[] {1, 2, 3, 4}).pValue(), 1e-15,
            "p 3x4");
        // the distribution of U for (2, 2): counts 1,1,2,1,1 over u = 0..4 (C(4,2) = 6)
        double[] f = MannWhitneyU.frequencies(2, 2);
        assertEquals(5, f.length);
        assertEquals(1, f[0]);
        assertEquals(1, f[1]);
        assertEquals(2, f[2]);
        assertEquals(1, f[3]);
        assertEquals(1, f[4]);
    }

    @Test
    void mannWhitneyScipyExamples() {
        // scipy.stats.mannwhitneyu docs example (ages, males vs females): U1 = 17, exact p = 1/9
        double[] males = {19, 22, 16, 29, 24};
        double[] females = {20, 11, 17, 12};
        MannWhitneyU.Result r = MannWhitneyU.test(males, females);
        assertEquals(17.0, r.u1());
        assertEquals(MannWhitneyU.Method.EXACT, r.method());
        close(0.1111111111111111, r.pValue(), 1e-14, "exact p");
        // same data forced asymptotic: scipy gives p = 0.11134688653314041
        close(0.11134688653314041, MannWhitneyU.test(males, females, MannWhitneyU.Method.ASYMPTOTIC).pValue(),
            1e-13, "asymptotic p");
        // n1 = 7 <= 8, no ties -> exact (scipy 1.17.1: U1 = 6, p = 0.0030851501439736733)
        double[] a = {0.2, -0.5, 1.3, 0.7, 0.1, -0.2, 0.9};
        double[] b = {1.5, 2.2, 0.8, 1.9, 2.5, 1.1, 3.0, 1.7, 2.8, 0.6};
        MannWhitneyU.Result e = MannWhitneyU.test(a, b);
        assertEquals(6.0, e.u1());
        assertEquals(MannWhitneyU.Method.EXACT, e.method());
        close(0.0030851501439736733, e.pValue(), 1e-13, "exact p 7x10");
        // ties -> asymptotic with tie correction (scipy: U1 = 18, p = 0.010040387475353778)
        double[] c = {1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] d = {3, 5, 7, 9, 11, 12, 13, 14, 15, 16};
        MannWhitneyU.Result t = MannWhitneyU.test(c, d);
        assertEquals(18.0, t.u1());
        assertEquals(MannWhitneyU.Method.ASYMPTOTIC, t.method());
        close(0.010040387475353778, t.pValue(), 1e-13, "tied p");
        // both > 8, no ties -> asymptotic (scipy: U1 = 54, p = 0.08323393139707815)
        double[] e12 = {0.0, 0.008264, 0.033058, 0.07438, 0.132231, 0.206612, 0.297521, 0.404959, 0.528926, 0.669421,
            0.826446, 1.0};
        double[] f15 = {0.031623, 0.080033, 0.141411, 0.213434, 0.29471, 0.384287, 0.481455, 0.585662, 0.696461,
            0.813482, 0.936408, 1.06497, 1.198929, 1.338078, 1.482228};
        MannWhitneyU.Result g = MannWhitneyU.test(e12, f15);
        assertEquals(54.0, g.u1());
        assertEquals(MannWhitneyU.Method.ASYMPTOTIC, g.method());
        close(0.08323393139707815, g.pValue(), 1e-13, "asymptotic p 12x15");
    }

    // ---- numpy percentile -------------------------------------------------------------------------

    @Test
    void percentileIsNumpyLinear() {
        // closed form on 1..10: 1 + 9 * 0.33 = 3.97 and 1 + 9 * 0.67 = 7.03 (numpy: [3.97, 7.03])
        double[] x = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        assertEquals(3.97, Percentile.of(x, 33), 0);
        assertEquals(7.03, Percentile.of(x, 67), 0);
        // numpy 2.4.6 float(np.percentile([5,1,3], q)) for q = 33, 67, 50: 2.3200000000000003, 3.68, 3.0 (bit for
        // bit: numpy's lerp b - (b-a)(1-g) for g >= 0.5); [0.1, 0.2, 0.3, 0.4] -> 0.199, 0.301
        assertEquals(2.3200000000000003, Percentile.of(new double[] {5, 1, 3}, 33), 0);
        assertEquals(3.68, Percentile.of(new double[] {5, 1, 3}, 67), 0);
        assertEquals(3.0, Percentile.of(new double[] {5, 1, 3}, 50), 0);
        assertEquals(0.199, Percentile.of(new double[] {0.1, 0.2, 0.3, 0.4}, 33), 0);
        assertEquals(0.301, Percentile.of(new double[] {0.1, 0.2, 0.3, 0.4}, 67), 0);
        // NaN dropped (nanpercentile / pandas quantile), extremes
        assertEquals(7.03, Percentile.of(new double[] {1, 2, Double.NaN, 3, 4, 5, 6, 7, 8, 9, 10}, 67), 0);
        assertEquals(1.0, Percentile.of(x, 0), 0);
        assertEquals(10.0, Percentile.of(x, 100), 0);
        assertEquals(Double.NaN, Percentile.of(new double[] {Double.NaN}, 50));
    }
}
