package org.miracs.integrate.mofa;

import java.util.List;

/** How E[Z] is initialised: mofapy2's PCA, or given values (e.g. mofapy2's exported z_init for parity). */
public final class ZInit {
    private final List<double[][]> given;

    private ZInit(List<double[][]> given) {
        this.given = given;
    }

    /** PCA initialisation as mofapy2 does it ({@link PcaInitializer}). */
    public static ZInit pca() {
        return new ZInit(null);
    }

    /**
     * Given E[Z] per group (in the data's group order), each {@code N_g x K} (rows = samples in the group's
     * sample order, columns = factors). The variance of q(Z) starts at 1, as in mofapy2.
     */
    public static ZInit given(List<double[][]> perGroup) {
        return new ZInit(List.copyOf(perGroup));
    }

    public boolean isPca() {
        return given == null;
    }

    /** The initial E[Z], factor-major K x N (PCA computed here, or the given values checked and stacked). */
    public double[] meanFactorMajor(PreparedData data, int K, MofaExecutor exec) {
        if (given == null) return PcaInitializer.initialFactors(data, K, exec);
        SampleLayout layout = data.layout;
        int N = layout.numSamples();
        if (given.size() != layout.numGroups()) throw new IllegalArgumentException("need one Z block per group");
        double[] z = new double[K * N];
        for (int g = 0; g < layout.numGroups(); g++) {
            double[][] b = given.get(g);
            if (b.length != layout.size(g)) throw new IllegalArgumentException("group " + g + ": wrong number of rows");
            for (int i = 0; i < b.length; i++) {
                if (b[i].length != K) throw new IllegalArgumentException("group " + g + ": expected " + K + " columns");
                for (int k = 0; k < K; k++) z[k * N + layout.start(g) + i] = b[i][k];
            }
        }
        return z;
    }
}
