package org.miracs.integrate.mofa;

/**
 * Micro benchmark (not a test): seconds of the PCA initialisation, exact (N x N Gram and its full
 * eigen-decomposition) against randomized SVD, on random data with the paper's features (19,138 + 12,196)
 * and N samples, K = 30, and how far apart the two initialisations are.
 *
 * <pre>
 *   mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 *   java -Xmx8g -cp target/classes:target/test-classes:$(cat cp.txt) org.miracs.integrate.mofa.PcaInitBench 3700 2
 * </pre>
 */
public final class PcaInitBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3700;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int k = 30;
        PreparedData p = PreparedData.prepare(MofaIterationBench.shapedData(20240601L, n),
                MofaOptions.defaults(k).withScaleViews(true));
        MofaExecutor exec = MofaExecutor.threads(threads);
        long t0 = System.nanoTime();
        double[] randomized = PcaInitializer.randomized(p, k, exec);
        double tr = (System.nanoTime() - t0) * 1e-9;
        t0 = System.nanoTime();
        double[] exact = PcaInitializer.exact(p, k, exec);
        double te = (System.nanoTime() - t0) * 1e-9;
        System.out.printf("N = %d, K = %d, %d threads: randomized %.1f s, exact %.1f s%n", n, k, threads, tr, te);
        for (int c = 0; c < k; c++) {
            double max = 0;
            for (int i = 0; i < n; i++) max = Math.max(max, Math.abs(exact[c * n + i] - randomized[c * n + i]));
            System.out.printf("  component %2d: max |exact - randomized| = %.2e%n", c + 1, max);
        }
    }
}
