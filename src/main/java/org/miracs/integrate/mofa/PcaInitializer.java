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
 * <p>Differences to sklearn: the principal components are computed exactly (eigen-decomposition of the
 * N x N Gram matrix of the imputed, column-centred data) while sklearn's 'auto' solver uses a randomized SVD
 * driven by numpy's global RNG for inputs larger than 500 x 500; leading components agree, trailing
 * (noise) components can differ. Signs follow sklearn's svd_flip on the sample side: the score with the
 * largest absolute value of each component is positive.
 */
public final class PcaInitializer {
    private PcaInitializer() {
    }

    /** Features per chunk of the Gram accumulation. */
    private static final int CHUNK = 256;

    /** Factor-major K x N initial E[Z]. */
    public static double[] initialFactors(PreparedData data, int K, MofaExecutor exec) {
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

        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(N, true, true);
        if (!eig.decompose(new DMatrixRMaj(N, N, true, gram)))
            throw new IllegalStateException("eigen-decomposition for the PCA initialisation failed");
        Integer[] order = new Integer[N];
        double[] lambda = new double[N];
        for (int i = 0; i < N; i++) {
            order[i] = i;
            lambda[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(order, (a, b) -> Double.compare(lambda[b], lambda[a]));

        double[] z = new double[K * N];
        for (int k = 0; k < K; k++) {
            DMatrixRMaj u = eig.getEigenVector(order[k]);
            double s = Math.sqrt(Math.max(lambda[order[k]], 0.0));
            int imax = 0;
            for (int n = 1; n < N; n++) if (Math.abs(u.get(n)) > Math.abs(u.get(imax))) imax = n;
            double sign = u.get(imax) < 0 ? -1.0 : 1.0;
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int n = 0; n < N; n++) {
                double v = sign * s * u.get(n);
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
}
