package org.miracs.integrate.mofa;

/** Small dense loops shared by the updates. Fixed summation order (deterministic). */
final class Kernels {
    private Kernels() {
    }

    /** sum_i a[ao+i] * b[bo+i] * c[co+i], four interleaved partial sums. */
    static double dot3(double[] a, int ao, double[] b, int bo, double[] c, int co, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ao + i] * b[bo + i] * c[co + i];
            s1 += a[ao + i + 1] * b[bo + i + 1] * c[co + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2] * c[co + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3] * c[co + i + 3];
        }
        for (; i < n; i++) s0 += a[ao + i] * b[bo + i] * c[co + i];
        return (s0 + s1) + (s2 + s3);
    }

    /** sum_i a[ao+i] * b[bo+i], four interleaved partial sums. */
    static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < n; i++) s0 += a[ao + i] * b[bo + i];
        return (s0 + s1) + (s2 + s3);
    }

    /** sum_i a[ao+i]^2. */
    static double sumSq(double[] a, int ao, int n) {
        return dot(a, ao, a, ao, n);
    }

    /** y[yo+i] += alpha * x[xo+i]. */
    static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] += alpha * x[xo + i];
    }
}
