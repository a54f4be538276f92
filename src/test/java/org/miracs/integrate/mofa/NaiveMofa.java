package org.miracs.integrate.mofa;

import org.apache.commons.math3.special.Gamma;

/**
 * A deliberately naive transcription of mofapy2's updates (sample-major matrices, full O(N D K^2)
 * recomputation of the prediction for every factor, masks applied per entry), used as an oracle for the
 * optimised rank-1 implementation. Spike-slab weights, ARD on weights and factors.
 */
final class NaiveMofa {
    final int N, K, G, M;
    final int[] D;
    final int[] grp;
    final int[] groupSize;
    final double[][][] y;      // [m][n][d], 0 where missing
    final boolean[][][] miss;  // [m][n][d]
    final double[][] zMu, zVar;               // [n][k]
    final double[][][] wMu, wVar, wGam;       // [m][d][k]
    final double[][] varS0;                   // [m][k]
    final double[][][] tauE;                  // [m][g][d]
    final double[][] aW, bW, aTh, bTh;        // [m][k]
    final double[][] aZ, bZ;                  // [g][k]
    final int startSparsity;

    NaiveMofa(PreparedData p, double[] zInit, int K, int startSparsity) {
        SampleLayout l = p.layout();
        this.N = l.numSamples();
        this.K = K;
        this.G = l.numGroups();
        this.M = p.numViews();
        this.startSparsity = startSparsity;
        D = new int[M];
        grp = new int[N];
        groupSize = new int[G];
        for (int n = 0; n < N; n++) grp[n] = l.groupOf(n);
        for (int g = 0; g < G; g++) groupSize[g] = l.size(g);
        y = new double[M][][];
        miss = new boolean[M][][];
        wMu = new double[M][][];
        wVar = new double[M][][];
        wGam = new double[M][][];
        varS0 = new double[M][K];
        tauE = new double[M][G][];
        for (int m = 0; m < M; m++) {
            D[m] = p.numFeatures(m);
            y[m] = new double[N][D[m]];
            miss[m] = new boolean[N][D[m]];
            for (int n = 0; n < N; n++)
                for (int d = 0; d < D[m]; d++) {
                    double v = p.value(m, d, n);
                    miss[m][n][d] = Double.isNaN(v);
                    y[m][n][d] = Double.isNaN(v) ? 0 : v;
                }
            wMu[m] = new double[D[m]][K];
            wVar[m] = new double[D[m]][K];
            wGam[m] = new double[D[m]][K];
            for (int d = 0; d < D[m]; d++)
                for (int k = 0; k < K; k++) {
                    wVar[m][d][k] = 1;
                    wGam[m][d][k] = 1;
                }
            java.util.Arrays.fill(varS0[m], 1.0);
            for (int g = 0; g < G; g++) {
                tauE[m][g] = new double[D[m]];
                java.util.Arrays.fill(tauE[m][g], 1.0);
            }
        }
        zMu = new double[N][K];
        zVar = new double[N][K];
        for (int n = 0; n < N; n++)
            for (int k = 0; k < K; k++) {
                zMu[n][k] = zInit[k * N + n];
                zVar[n][k] = 1;
            }
        aW = fill(M, K, 1);
        bW = fill(M, K, 1);
        aTh = fill(M, K, 1);
        bTh = fill(M, K, 1);
        aZ = fill(G, K, 1);
        bZ = fill(G, K, 1);
    }

    static double[][] fill(int r, int c, double v) {
        double[][] a = new double[r][c];
        for (double[] x : a) java.util.Arrays.fill(x, v);
        return a;
    }

    double ew(int m, int d, int k) { return wGam[m][d][k] * wMu[m][d][k]; }

    double ew2(int m, int d, int k) { return wGam[m][d][k] * (wMu[m][d][k] * wMu[m][d][k] + wVar[m][d][k]); }

    double ez2(int n, int k) { return zMu[n][k] * zMu[n][k] + zVar[n][k]; }

    double tau(int m, int n, int d) { return miss[m][n][d] ? 0 : tauE[m][grp[n]][d]; }

    void iterate(int it) {
        // ---- SW per view
        for (int m = 0; m < M; m++) {
            for (int k = 0; k < K; k++) {
                double alpha = aW[m][k] / bW[m][k];
                double thLn = Gamma.digamma(aTh[m][k]) - Gamma.digamma(aTh[m][k] + bTh[m][k]);
                double thLnInv = Gamma.digamma(bTh[m][k]) - Gamma.digamma(aTh[m][k] + bTh[m][k]);
                for (int d = 0; d < D[m]; d++) {
                    double foo = 0, t1 = 0, t2 = 0;
                    for (int n = 0; n < N; n++) {
                        double t = tau(m, n, d);
                        foo += t * ez2(n, k);
                        t1 += t * y[m][n][d] * zMu[n][k];
                        double s = 0;
                        for (int j = 0; j < K; j++) if (j != k) s += zMu[n][k] * zMu[n][j] * ew(m, d, j);
                        t2 += t * s;
                    }
                    double t3 = foo + alpha;
                    double gam = 1.0 / (1.0 + Math.exp(-((thLn - thLnInv) + 0.5 * Math.log(alpha)
                            - 0.5 * Math.log(foo + alpha) + 0.5 * (t1 - t2) * (t1 - t2) / t3)));
                    wGam[m][d][k] = gam;
                    wVar[m][d][k] = 1.0 / t3;
                    wMu[m][d][k] = (1.0 / t3) * (t1 - t2);
                }
            }
            for (int k = 0; k < K; k++) varS0[m][k] = bW[m][k] / aW[m][k];
        }
        // ---- AlphaW, ThetaW
        for (int m = 0; m < M; m++)
            for (int k = 0; k < K; k++) {
                double enn = 0, sg = 0;
                for (int d = 0; d < D[m]; d++) {
                    enn += ew2(m, d, k) + (1 - wGam[m][d][k]) * varS0[m][k];
                    sg += wGam[m][d][k];
                }
                aW[m][k] = 1e-14 + 0.5 * D[m];
                bW[m][k] = 1e-14 + 0.5 * enn;
                if (it >= startSparsity) {
                    aTh[m][k] = 1 + sg;
                    bTh[m][k] = 1 + D[m] - sg;
                }
            }
        // ---- Z
        for (int n = 0; n < N; n++) {
            double[] foo = new double[K], pre = new double[K];
            for (int m = 0; m < M; m++)
                for (int d = 0; d < D[m]; d++) {
                    double t = tau(m, n, d);
                    for (int k = 0; k < K; k++) {
                        foo[k] += t * ew2(m, d, k);
                        pre[k] += t * y[m][n][d] * ew(m, d, k);
                    }
                }
            for (int k = 0; k < K; k++) {
                double bar = pre[k];
                for (int m = 0; m < M; m++)
                    for (int d = 0; d < D[m]; d++) {
                        double s = 0;
                        for (int j = 0; j < K; j++) if (j != k) s += zMu[n][j] * ew(m, d, j);
                        bar += tau(m, n, d) * (-s) * ew(m, d, k);
                    }
                double alpha = aZ[grp[n]][k] / bZ[grp[n]][k];
                zVar[n][k] = 1.0 / (alpha + foo[k]);
                zMu[n][k] = zVar[n][k] * bar;
            }
        }
        // ---- AlphaZ
        for (int g = 0; g < G; g++)
            for (int k = 0; k < K; k++) {
                double s = 0;
                for (int n = 0; n < N; n++) if (grp[n] == g) s += ez2(n, k);
                aZ[g][k] = 1e-14 + 0.5 * groupSize[g];
                bZ[g][k] = 1e-14 + 0.5 * s;
            }
        // ---- Tau: E[(y - zw)^2] = y^2 + ZZ.WW - Z^2.W^2 + (ZW)^2 - 2 ZW y
        for (int m = 0; m < M; m++)
            for (int g = 0; g < G; g++)
                for (int d = 0; d < D[m]; d++) {
                    double b = 0;
                    int obs = 0;
                    for (int n = 0; n < N; n++) {
                        if (grp[n] != g || miss[m][n][d]) continue;
                        obs++;
                        double zw = 0, zzww = 0, z2w2 = 0;
                        for (int k = 0; k < K; k++) {
                            zw += zMu[n][k] * ew(m, d, k);
                            zzww += ez2(n, k) * ew2(m, d, k);
                            z2w2 += zMu[n][k] * zMu[n][k] * ew(m, d, k) * ew(m, d, k);
                        }
                        double yv = y[m][n][d];
                        b += yv * yv + zzww - z2w2 + zw * zw - 2 * zw * yv;
                    }
                    tauE[m][g][d] = (1e-3 + 0.5 * obs) / (1e-3 + 0.5 * b);
                }
    }
}
