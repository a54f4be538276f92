package org.miracs.enrich.gsea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Micro benchmark (not a test): one MIRACS unit = 1,500 drugs x 444 sets (sizes 5..56, median 8)
 * x 10,000 permutations, random data, one thread; times are
 * thread CPU seconds.
 *
 * <pre>
 * mvn -q -o test-compile
 * java -cp target/classes:target/test-classes:$HOME/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar \
 *      org.miracs.enrich.gsea.GseaBench [reps]
 * </pre>
 */
public final class GseaBench {
    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int nDrugs = 1500;
        int nSets = 444;
        int perms = 10_000;
        SplittableRandom rnd = new SplittableRandom(2024);
        String[] drugs = new String[nDrugs];
        for (int i = 0; i < nDrugs; i++) {
            drugs[i] = String.format("BRD-%05d", i);
        }
        SetCollection.Builder b = SetCollection.builder();
        int[] sizes = new int[nSets];
        long sumK = 0;
        for (int s = 0; s < nSets; s++) {
            int k = (int) Math.min(56, 5 + Math.round(Math.exp(1.0 + 1.0 * rnd.nextGaussian())));
            if (s == 0) {
                k = 56;
            }
            sizes[s] = k;
            sumK += k;
            int[] pick = rnd.ints(0, nDrugs).distinct().limit(k).toArray();
            for (int d : pick) {
                b.add(String.format("moa%03d", s), drugs[d]);
            }
        }
        SetCollection sets = b.build();
        int[] sorted = sizes.clone();
        Arrays.sort(sorted);
        System.out.printf("shape: %d drugs, %d sets (k %d..%d, median %d, sum k %d, %d distinct sizes), %d perms%n",
            nDrugs, nSets, sorted[0], sorted[nSets - 1], sorted[nSets / 2], sumK,
            Arrays.stream(sizes).distinct().count(), perms);
        double[][] units = new double[reps + 3][nDrugs];
        for (double[] u : units) {
            for (int i = 0; i < nDrugs; i++) {
                u[i] = (float) Math.max(-1, Math.min(1, 0.25 * rnd.nextGaussian()));
            }
        }
        Gsea exact = new Gsea(GseaOptions.decoupler().withPermutations(perms));
        Gsea fast = new Gsea(GseaOptions.DEFAULT.withPermutations(perms));
        BoundSets bound = sets.bind(drugs, 5);

        long t0 = cpu();
        PermutationMatrix pm = PermutationMatrix.numpy(42L, nDrugs, perms);
        double pmSec = (cpu() - t0) / 1e9;

        List<Double> tExact = new ArrayList<>();
        List<Double> tShared = new ArrayList<>();
        List<Double> tFast = new ArrayList<>();
        // warm-up
        for (int w = 0; w < 3; w++) {
            exact.run(units[w], bound, 42L);
            exact.run(units[w], bound, pm);
            fast.run(units[w], bound, fast.options().unitSeed("L", "F" + w));
        }
        for (int r = 0; r < reps; r++) {
            double[] u = units[r + 3];
            long a = cpu();
            exact.run(u, bound, 42L);
            long c = cpu();
            exact.run(u, bound, pm);
            long d = cpu();
            fast.run(u, bound, fast.options().unitSeed("L", "F" + r));
            long e = cpu();
            tExact.add((c - a) / 1e9);
            tShared.add((d - c) / 1e9);
            tFast.add((e - d) / 1e9);
        }
        // bind cost
        long bb = cpu();
        for (int r = 0; r < 20; r++) {
            sets.bind(drugs, 5);
        }
        double bindSec = (cpu() - bb) / 1e9 / 20;
        System.out.printf("EXACT, streaming numpy permutations : median %.4f s  min %.4f s%n", median(tExact), min(tExact));
        System.out.printf("EXACT, shared PermutationMatrix     : median %.4f s  min %.4f s  (matrix build once: %.3f s)%n",
            median(tShared), min(tShared), pmSec);
        System.out.printf("FAST                                : median %.4f s  min %.4f s%n", median(tFast), min(tFast));
        System.out.printf("SetCollection.bind                  : %.5f s%n", bindSec);
    }

    private static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Thread CPU time (ns): robust to other load on a shared machine. */
    private static long cpu() {
        return MX.getCurrentThreadCpuTime();
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a[a.length / 2];
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }
}
