package org.miracs.integrate.mofa;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Per-view sums over features of the W posterior, per factor, as needed by the AlphaW and ThetaW updates
 * and by the W term of the ELBO. Mergeable across feature blocks of the same view.
 * <pre>
 *   gamma      = sum_d gamma_dk                      (spike-slab: E[s]; 1 for plain W)
 *   enn        = sum_d E[what_dk^2]                  (spike-slab "ENN"; E[w^2] for plain W)
 *   gammaLnVar = sum_d gamma_dk ln var_dk            (variance of the slab / of q(w))
 *   entropy    = sum_d gamma ln gamma + (1-gamma) ln(1-gamma)   (terms that are NaN count 0, as in mofapy2)
 * </pre>
 */
public final class WeightStatistics implements Serializable {
    private static final long serialVersionUID = 1L;

    final int K;
    int features;
    final double[] gamma;
    final double[] enn;
    final double[] gammaLnVar;
    final double[] entropy;

    public WeightStatistics(int K) {
        this.K = K;
        gamma = new double[K];
        enn = new double[K];
        gammaLnVar = new double[K];
        entropy = new double[K];
    }

    void reset() {
        features = 0;
        Arrays.fill(gamma, 0);
        Arrays.fill(enn, 0);
        Arrays.fill(gammaLnVar, 0);
        Arrays.fill(entropy, 0);
    }

    public void add(WeightStatistics o) {
        if (o.K != K) throw new IllegalArgumentException("dimension mismatch");
        features += o.features;
        for (int k = 0; k < K; k++) {
            gamma[k] += o.gamma[k];
            enn[k] += o.enn[k];
            gammaLnVar[k] += o.gammaLnVar[k];
            entropy[k] += o.entropy[k];
        }
    }

    public int numFeatures() { return features; }
}
