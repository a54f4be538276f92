package org.miracs.integrate.mofa;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.Arrays;

/**
 * mofapy2's PCA initialisation of E[Z] (init_model.initZ(qmean="pca", impute=True)):
 * concatenate the (centred, scaled) views, replace missing values by the feature mean
 * (sklearn SimpleImputer), run PCA with K components, and rescale every component's scores to [-1, 1]
 * (2 (x - min) / (max - min) - 1). Whitening is irrelevant after that rescaling.
 *
 * <p>Differences to sklearn: up to {@link #EXACT_MAX_SAMPLES} samples the principal components are
 * computed exactly (eigen-decomposition of the N x N Gram matrix of the imputed, column-centred data),
 * while sklearn's 'auto' solver uses a randomized SVD driven by numpy's global RNG for inputs larger than
 * 500 x 500; leading components agree, trailing (noise) components can differ. Above that size the Gram
 * matrix alone costs N^2 D (two minutes at N = 3,700, D = 31,334), so a randomized SVD is used as sklearn
 * does (Halko, Martinsson and Tropp 2011: range finder with oversampling and QR-normalised power
 * iterations), with a fixed seed so the result does not vary between runs. Signs follow sklearn's svd_flip
 * on the sample side: the score with the largest absolute value of each component is positive.
 */
public final class PcaInitializer {
    private PcaInitializer() {
    }

    /** Features per chunk of the Gram accumulation. */
    private static final int CHUNK = 256;
    /** Up to this many samples the components are exact; above it they come from a randomized SVD. */
    public static final int EXACT_MAX_SAMPLES = 1000;
    /** Extra columns of the randomized range finder (sklearn: 10). */
    private static final int OVERSAMPLING = 10;
    /** Power iterations of the randomized range finder: sklearn's 'auto' rule (7 when K < 0.1 min(N, D), else 4). */
    static int powerIterations(int K, int N, long D) {
        return K < 0.1 * Math.min(N, D) ? 7 : 4;
    }
    private static final long RANDOMIZED_SEED = 20_110_217L;

    /** Factor-major K x N initial E[Z]: exact up to {@link #EXACT_MAX_SAMPLES} samples, randomized above. */
    public static double[] initialFactors(PreparedData data, int K, MofaExecutor exec) {
        if (data.layout.numSamples() <= EXACT_MAX_SAMPLES) {
            return exact(data, K, exec);
        }
        try {
            return randomized(data, K, exec);
        } catch (RankDeficientException e) {
            return exact(data, K, exec); // fewer independent columns than K + 10: the exact path handles it
        }
    }

    /** Components from the eigen-decomposition of the N x N Gram matrix. */
    static double[] exact(PreparedData data, int K, MofaExecutor exec) {
        final int N = data.layout.numSamples();
        if (K > N) throw new IllegalArgumentException("PCA initialisation needs K <= number of samples");
        // gram[i][.] += x_li * x_l[.] over the features l of a chunk (rows indexed from 0: vectorised)
        final double[][] gramRows = new double[N][N];
        final double[][] chunk = new double[CHUNK][N];
        final int stripes = Math.max(1, Math.min(N, 16));
        for (int m = 0; m < data.numViews(); m++) {
            final double[] y = data.y[m];
            final int D = y.length / N;
            for (int f0 = 0; f0 < D; f0 += CHUNK) {
                final int L = Math.min(CHUNK, D - f0);
                // imputed, column-centred data: observed y - mean, missing 0
                for (int l = 0; l < L; l++) {
                    final int o = (f0 + l) * N;
                    double sum = 0;
                    int cnt = 0;
                    for (int n = 0; n < N; n++) {
                        double v = y[o + n];
                        if (!Double.isNaN(v)) {
                            sum += v;
                            cnt++;
                        }
                    }
                    final double mean = cnt > 0 ? sum / cnt : 0.0;
                    final double[] x = chunk[l];
                    for (int n = 0; n < N; n++) {
                        double v = y[o + n];
                        x[n] = Double.isNaN(v) ? 0.0 : v - mean;
                    }
                }
                exec.forEach(stripes, s -> {
                    for (int i = s; i < N; i += stripes) {
                        final double[] gi = gramRows[i];
                        for (int l = 0; l < L; l++) {
                            final double a = chunk[l][i];
                            if (a == 0) continue;
                            final double[] x = chunk[l];
                            for (int n = 0; n < N; n++) gi[n] += a * x[n];
                        }
                    }
                });
            }
        }
        final double[] gram = new double[N * N];
        // symmetrise (average the two rounding paths of each entry)
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) gram[i * N + j] = 0.5 * (gramRows[i][j] + gramRows[j][i]);

        double[][] pairs = leadingEigenpairs(gram, N, K, "the PCA initialisation");
        double[] singular = new double[K];
        for (int k = 0; k < K; k++) singular[k] = Math.sqrt(Math.max(pairs[1][k], 0.0));
        double[] u = pairs[0];
        return scores(u, singular, K, N);
    }

    /**
     * The K largest eigenvalues of a symmetric dim x dim matrix (row-major) and their eigenvectors:
     * {@code [0]} the vectors, K x dim factor-major; {@code [1]} the values, in decreasing order.
     */
    private static double[][] leadingEigenpairs(double[] symmetric, int dim, int K, String what) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(dim, true, true);
        if (!eig.decompose(new DMatrixRMaj(dim, dim, true, symmetric)))
            throw new IllegalStateException("eigen-decomposition for " + what + " failed");
        Integer[] order = new Integer[dim];
        double[] lambda = new double[dim];
        for (int i = 0; i < dim; i++) {
            order[i] = i;
            lambda[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(order, (a, b) -> Double.compare(lambda[b], lambda[a]));
        double[] vectors = new double[K * dim];
        double[] values = new double[K];
        for (int k = 0; k < K; k++) {
            DMatrixRMaj v = eig.getEigenVector(order[k]);
            values[k] = lambda[order[k]];
            for (int i = 0; i < dim; i++) vectors[k * dim + i] = v.get(i);
        }
        return new double[][] {vectors, values};
    }

    /**
     * Component scores from the left singular vectors ({@code u}, K x N factor-major) and singular values:
     * sklearn's svd_flip on the sample side, then each component rescaled to [-1, 1].
     */
    private static double[] scores(double[] u, double[] singular, int K, int N) {
        double[] z = new double[K * N];
        for (int k = 0; k < K; k++) {
            int imax = 0;
            for (int n = 1; n < N; n++) if (Math.abs(u[k * N + n]) > Math.abs(u[k * N + imax])) imax = n;
            double sign = u[k * N + imax] < 0 ? -1.0 : 1.0;
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int n = 0; n < N; n++) {
                double v = sign * singular[k] * u[k * N + n];
                z[k * N + n] = v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            // rescale each factor to [-1, 1]
            double ptp = max - min;
            for (int n = 0; n < N; n++) z[k * N + n] = 2.0 * (z[k * N + n] - min) / ptp - 1.0;
        }
        return z;
    }

    // ------------------------------------------------------------------------------- randomized SVD

    /**
     * Components from a randomized SVD of the imputed, column-centred N x D data X, never formed: X is
     * read feature by feature from the views. Q spans X Omega (Omega Gaussian D x r, r = K + 10), refined by
     * power iterations Q <- orth(X X^T Q) (as many as sklearn would do); then the r x r matrix (X^T Q)^T (X^T Q) = Q^T X X^T Q has
     * eigenpairs (s^2, V) and the left singular vectors are Q V. Cost O(N D r) per pass over X.
     */
    static double[] randomized(PreparedData data, int K, MofaExecutor exec) {
        final int N = data.layout.numSamples();
        if (K > N) throw new IllegalArgumentException("PCA initialisation needs K <= number of samples");
        final int r = Math.min(N, K + OVERSAMPLING);
        final double[][] means = featureMeans(data);
        // Omega: one Gaussian row of r values per feature, drawn in (view, feature) order
        java.util.SplittableRandom random = new java.util.SplittableRandom(RANDOMIZED_SEED);
        double[][] omega = new double[data.numViews()][];
        for (int m = 0; m < data.numViews(); m++) {
            omega[m] = new double[data.numFeatures(m) * r];
            for (int i = 0; i < omega[m].length; i++) omega[m][i] = gaussian(random);
        }
        // Q = orth(X Omega), then Q = orth(X (X^T Q)) once per power iteration
        double[] q = orthonormalColumns(timesFeatureMatrix(data, means, omega, r, exec), N, r);
        long totalFeatures = 0;
        for (int m = 0; m < data.numViews(); m++) totalFeatures += data.numFeatures(m);
        for (int it = powerIterations(K, N, totalFeatures); it > 0; it--) {
            q = orthonormalColumns(timesFeatureMatrix(data, means, transposeTimes(data, means, q, r, exec), r, exec), N, r);
        }
        // C = X^T Q (D x r); G = C^T C (r x r) = Q^T X X^T Q, summed in (view, feature) order
        double[][] c = transposeTimes(data, means, q, r, exec);
        double[] g = new double[r * r];
        for (double[] cm : c) {
            for (int l = 0; l < cm.length / r; l++) {
                for (int a = 0; a < r; a++) {
                    double ca = cm[l * r + a];
                    for (int b = 0; b < r; b++) g[a * r + b] += ca * cm[l * r + b];
                }
            }
        }
        double[][] pairs = leadingEigenpairs(g, r, K, "the randomized PCA initialisation");
        // U = Q V, factor-major
        double[] u = new double[K * N];
        double[] singular = new double[K];
        for (int k = 0; k < K; k++) {
            singular[k] = Math.sqrt(Math.max(pairs[1][k], 0.0));
            for (int n = 0; n < N; n++) {
                double sum = 0;
                for (int j = 0; j < r; j++) sum += q[n * r + j] * pairs[0][k * r + j];
                u[k * N + n] = sum;
            }
        }
        return scores(u, singular, K, N);
    }

    /** Mean of the observed values of every feature (the imputed value; 0 when none is observed). */
    private static double[][] featureMeans(PreparedData data) {
        final int N = data.layout.numSamples();
        double[][] means = new double[data.numViews()][];
        for (int m = 0; m < data.numViews(); m++) {
            final double[] y = data.y[m];
            final int D = y.length / N;
            means[m] = new double[D];
            for (int l = 0; l < D; l++) {
                double sum = 0;
                int cnt = 0;
                for (int n = 0; n < N; n++) {
                    double v = y[l * N + n];
                    if (!Double.isNaN(v)) {
                        sum += v;
                        cnt++;
                    }
                }
                means[m][l] = cnt > 0 ? sum / cnt : 0.0;
            }
        }
        return means;
    }

    /**
     * X B for B given per view as D_m x r (feature-major rows): an N x r sample-major result. Threads own
     * contiguous sample ranges and add features in order, so the sums do not depend on the threads.
     */
    private static double[] timesFeatureMatrix(PreparedData data, double[][] means, double[][] b, int r, MofaExecutor exec) {
        final int N = data.layout.numSamples();
        final double[] out = new double[N * r];
        final int parts = Math.max(1, Math.min(N, 16));
        exec.forEach(parts, part -> {
            int from = (int) ((long) N * part / parts);
            int to = (int) ((long) N * (part + 1) / parts);
            for (int m = 0; m < data.numViews(); m++) {
                final double[] y = data.y[m];
                final double[] bm = b[m];
                final int D = bm.length / r;
                for (int l = 0; l < D; l++) {
                    final int o = l * N;
                    final double mean = means[m][l];
                    for (int n = from; n < to; n++) {
                        double v = y[o + n];
                        if (Double.isNaN(v)) continue; // imputed by the mean: 0 after centring
                        double x = v - mean;
                        for (int j = 0; j < r; j++) out[n * r + j] += x * bm[l * r + j];
                    }
                }
            }
        });
        return out;
    }

    /** X^T A for A N x r sample-major: per view a D_m x r feature-major result (features independent). */
    private static double[][] transposeTimes(PreparedData data, double[][] means, double[] a, int r, MofaExecutor exec) {
        final int N = data.layout.numSamples();
        double[][] out = new double[data.numViews()][];
        for (int m = 0; m < data.numViews(); m++) {
            final double[] y = data.y[m];
            final int D = y.length / N;
            final double[] om = out[m] = new double[D * r];
            final double[] mean = means[m];
            final int parts = Math.max(1, Math.min(D, 16));
            exec.forEach(parts, part -> {
                int from = (int) ((long) D * part / parts);
                int to = (int) ((long) D * (part + 1) / parts);
                for (int l = from; l < to; l++) {
                    final int o = l * N;
                    for (int n = 0; n < N; n++) {
                        double v = y[o + n];
                        if (Double.isNaN(v)) continue;
                        double x = v - mean[l];
                        for (int j = 0; j < r; j++) om[l * r + j] += x * a[n * r + j];
                    }
                }
            });
        }
        return out;
    }

    /** Orthonormal basis (modified Gram-Schmidt, twice for stability) of the columns of an N x r matrix. */
    private static double[] orthonormalColumns(double[] a, int N, int r) {
        double[] q = a.clone();
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < r; j++) {
                double before = 0;
                for (int n = 0; n < N; n++) before += q[n * r + j] * q[n * r + j];
                for (int i = 0; i < j; i++) {
                    double dot = 0;
                    for (int n = 0; n < N; n++) dot += q[n * r + i] * q[n * r + j];
                    for (int n = 0; n < N; n++) q[n * r + j] -= dot * q[n * r + i];
                }
                double norm = 0;
                for (int n = 0; n < N; n++) norm += q[n * r + j] * q[n * r + j];
                // nothing left of the column but rounding: it lay in the span of the others
                if (!(norm > 1e-20 * before)) throw new RankDeficientException();
                norm = Math.sqrt(norm);
                for (int n = 0; n < N; n++) q[n * r + j] /= norm;
            }
        }
        return q;
    }

    /** The sampled range has fewer independent directions than requested. */
    static final class RankDeficientException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RankDeficientException() {
            super("randomized PCA: the data has fewer independent columns than the range requested", null, false, false);
        }
    }

    /** A standard normal draw (Box-Muller, one value per pair of uniforms: simple and reproducible). */
    private static double gaussian(java.util.SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]
        double u2 = random.nextDouble();
        // StrictMath: the same bits on every JVM and CPU, so the initialisation is the same everywhere
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }
}
