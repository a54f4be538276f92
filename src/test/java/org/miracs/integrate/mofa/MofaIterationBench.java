package org.miracs.integrate.mofa;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Micro benchmark (not a test): seconds per training iteration on random data of the MIRACS paper's shape,
 * 370 samples in 22 groups x (19,138 + 12,196) features, K = 30; protein with 10% MCAR gaps and 15 samples
 * without protein. Times the full iteration (W, AlphaW, ThetaW, Z, AlphaZ, Tau updates and the ELBO).
 *
 * <pre>
 *   mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 *   java -Xmx6g -cp target/classes:target/test-classes:$(cat cp.txt) org.miracs.integrate.mofa.MofaIterationBench 2 1
 * </pre>
 * Measured on the 2-core AMD EPYC (Zen 4) dev VM, JDK 17, quiet machine: 2 threads median 0.23 s/iteration
 * (mean 0.26), 1 thread 0.39-0.41 s/iteration; build + PCA initialisation 2.3 s. mofapy2 0.7.4 needs
 * 5.75 s/iteration at this shape on the same kind of machine (shared/notes/mofa-algorithm.md).
 */
public final class MofaIterationBench {
    public static void main(String[] args) {
        int[] threads = args.length == 0 ? new int[]{1, 2} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        int warmup = Integer.getInteger("warmup", 3), timed = Integer.getInteger("iterations", 10);
        MofaData data = paperShapedData(20240601L);
        System.out.printf("data: %d samples in %d groups, views %d + %d features, K = 30%n",
                data.totalSamples(), data.numGroups(), data.numFeatures(0), data.numFeatures(1));
        for (int t : threads) {
            MofaExecutor exec = MofaExecutor.threads(t);
            MofaTrainer trainer = new MofaTrainer(MofaOptions.defaults(30).withSeed(1993).withScaleViews(true))
                    .withExecutor(exec);
            long t0 = System.nanoTime();
            MofaModel model = trainer.build(data, ZInit.pca());
            double init = (System.nanoTime() - t0) * 1e-9;
            model.initialElbo();
            int it = 1;
            for (int i = 0; i < warmup; i++, it++) {
                model.iterate(it);
                model.elbo();
            }
            double[] sec = new double[timed];
            double[] cpu = new double[timed];
            double elbo = 0;
            long cpu0 = processCpuNanos();
            for (int i = 0; i < timed; i++, it++) {
                long s = System.nanoTime(), c = processCpuNanos();
                model.iterate(it);
                elbo = model.elbo().total();
                sec[i] = (System.nanoTime() - s) * 1e-9;
                cpu[i] = (processCpuNanos() - c) * 1e-9;
            }
            double[] cpuSorted = cpu.clone();
            java.util.Arrays.sort(cpuSorted);
            double cpuPerIteration = (processCpuNanos() - cpu0) * 1e-9 / timed;
            double[] sorted = sec.clone();
            java.util.Arrays.sort(sorted);
            double mean = java.util.Arrays.stream(sec).average().orElse(Double.NaN);
            System.out.printf("threads %d: build+PCA init %.2f s; %d timed iterations: wall mean %.3f s/iteration, "
                            + "median %.3f, min %.3f, max %.3f; process CPU %.3f s/iteration (median %.3f, min %.3f) "
                            + "(ELBO %.6g)%n",
                    t, init, timed, mean, sorted[timed / 2], sorted[0], sorted[timed - 1], cpuPerIteration,
                    cpuSorted[timed / 2], cpuSorted[0], elbo);
        }
        System.exit(0);
    }

    /** CPU time of the whole JVM (all threads, including JIT and GC). */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean b ? b.getProcessCpuTime() : 0L;
    }

    public static MofaData paperShapedData(long seed) {
        return shapedData(seed, 370);
    }

    /** The paper's features and 22 groups with {@code N} samples (3,700 for the 10x benchmark). */
    public static MofaData shapedData(long seed, int N) {
        Random rnd = new Random(seed);
        int G = 22, K0 = 12;
        int[] D = {19138, 12196};
        int[] sizes = new int[G];
        for (int n = 0; n < N; n++) sizes[(n * 7) % G]++; // unequal-ish but deterministic: 16-17 per group
        List<String> groups = new ArrayList<>(), views = List.of("rna", "protein");
        List<List<String>> samples = new ArrayList<>(), features = new ArrayList<>();
        for (int g = 0; g < G; g++) {
            groups.add("lineage" + g);
            List<String> s = new ArrayList<>();
            for (int i = 0; i < sizes[g]; i++) s.add("L" + g + "_" + i);
            samples.add(s);
        }
        for (int m = 0; m < 2; m++) {
            List<String> f = new ArrayList<>();
            for (int d = 0; d < D[m]; d++) f.add(views.get(m) + "_" + d);
            features.add(f);
        }
        double[][][] w = new double[2][][];
        for (int m = 0; m < 2; m++) {
            w[m] = new double[D[m]][K0];
            for (double[] r : w[m]) for (int k = 0; k < K0; k++) r[k] = rnd.nextDouble() < 0.2 ? rnd.nextGaussian() : 0;
        }
        double[][][] blocks = new double[2][G][];
        int noProtein = 0;
        for (int g = 0; g < G; g++) {
            double[][] z = new double[sizes[g]][K0];
            for (double[] r : z) for (int k = 0; k < K0; k++) r[k] = rnd.nextGaussian();
            boolean[] missingView = new boolean[sizes[g]];
            for (int n = 0; n < sizes[g]; n++) if (noProtein < 15 && rnd.nextDouble() < 0.05) {
                missingView[n] = true;
                noProtein++;
            }
            for (int m = 0; m < 2; m++) {
                double[] b = new double[D[m] * sizes[g]];
                for (int d = 0; d < D[m]; d++) {
                    double offset = rnd.nextGaussian();
                    for (int n = 0; n < sizes[g]; n++) {
                        double v = offset;
                        for (int k = 0; k < K0; k++) v += z[n][k] * w[m][d][k];
                        v += 0.7 * rnd.nextGaussian();
                        if (m == 1 && (missingView[n] || rnd.nextDouble() < 0.10)) v = Double.NaN;
                        b[d * sizes[g] + n] = v;
                    }
                }
                blocks[m][g] = b;
            }
        }
        return MofaData.gaussian(views, groups, features, samples, blocks);
    }
}
