package org.miracs.interpret;

/**
 * Two-sample Student t-test with pooled variance, {@code scipy.stats.ttest_ind(a, b)} with its
 * default {@code equal_var=True}: t = (mean_a - mean_b) / sqrt(s_p² (1/n_a + 1/n_b)),
 * s_p² = ((n_a-1) v_a + (n_b-1) v_b) / (n_a + n_b - 2), two-sided p from t with n_a + n_b - 2 df.
 */
public final class StudentTTest {

    public record Result(double statistic, double pValue, int degreesOfFreedom) {
    }

    private StudentTTest() {
    }

    public static Result test(double[] a, double[] b) {
        int na = a.length;
        int nb = b.length;
        if (na < 1 || nb < 1 || na + nb < 3) {
            throw new IllegalArgumentException("t-test needs n_a + n_b >= 3, got " + na + " and " + nb);
        }
        double ma = Ulm.mean(a);
        double mb = Ulm.mean(b);
        double ssa = 0;
        for (double v : a) {
            ssa += (v - ma) * (v - ma);
        }
        double ssb = 0;
        for (double v : b) {
            ssb += (v - mb) * (v - mb);
        }
        int df = na + nb - 2;
        double sp2 = (ssa + ssb) / df;
        double t = (ma - mb) / Math.sqrt(sp2 * (1.0 / na + 1.0 / nb));
        return new Result(t, TDistribution.twoSided(t, df), df);
    }
}
