package org.miracs.sampledata;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic randomness. Every component draws from its own stream derived from (seed, label), so adding draws
 * to one component never shifts the values of another. Only algorithms with a fixed specification are used
 * (SplittableRandom, SplitMix64 finaliser, StrictMath), so a given seed gives identical bytes on every JVM.
 */
final class Rand {
    private Rand() {
    }

    /** SplitMix64 / Stafford variant 13 finaliser. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long derive(long seed, String label) {
        long h = mix64(seed + 0x9E3779B97F4A7C15L);
        for (int i = 0; i < label.length(); i++) {
            h = mix64(h ^ (label.charAt(i) * 0x100000001B3L + i));
        }
        return h;
    }

    static long derive(long seed, String label, long index) {
        return mix64(derive(seed, label) ^ mix64(index + 0x632BE59BD9B4E019L));
    }

    static SplittableRandom stream(long seed, String label) {
        return new SplittableRandom(derive(seed, label));
    }

    static SplittableRandom stream(long seed, String label, long index) {
        return new SplittableRandom(derive(seed, label, index));
    }

    /** Exact standard normal (Marsaglia polar method, StrictMath.log). */
    static double gaussian(SplittableRandom r) {
        double u;
        double v;
        double s;
        do {
            u = 2.0 * r.nextDouble() - 1.0;
            v = 2.0 * r.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        return u * Math.sqrt(-2.0 * StrictMath.log(s) / s);
    }

    private static final double IH4_SCALE = 1.0 / Math.sqrt((65536.0 * 65536.0 - 1.0) / 3.0);

    /**
     * Cheap, approximately normal variate (unit variance, bounded at about +-3.46) from 64 random bits: the sum
     * of four 16-bit uniforms (Irwin-Hall). Used for the bulk per-cell noise where speed matters.
     */
    static double fastGaussian(long bits) {
        double sum = (bits & 0xFFFFL) + ((bits >>> 16) & 0xFFFFL) + ((bits >>> 32) & 0xFFFFL) + (bits >>> 48);
        return (sum - 131070.0) * IH4_SCALE;
    }

    /** Stateless approximately-normal value for a key: same key, same value, whatever the iteration order. */
    static double hashGaussian(long key) {
        return fastGaussian(mix64(key));
    }

    static long key(long base, long a, long b) {
        return base ^ (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L);
    }

    static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    static <T> void shuffle(List<T> list, SplittableRandom r) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    static void shuffle(int[] a, SplittableRandom r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** k distinct values from [0, n), in random order. */
    static int[] choose(int n, int k, SplittableRandom r) {
        if (k > n) {
            throw new IllegalArgumentException("cannot choose " + k + " of " + n);
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = new int[k];
        System.arraycopy(all, 0, out, 0, k);
        return out;
    }

    static <T> T pick(List<T> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

    static <T> T pick(T[] arr, SplittableRandom r) {
        return arr[r.nextInt(arr.length)];
    }

    private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String UPPER_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    static String alnum(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    static String upperAlnum(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(UPPER_ALNUM.charAt(r.nextInt(UPPER_ALNUM.length())));
        }
        return sb.toString();
    }

    static String lowerAlnum(SplittableRandom r, int n) {
        final String s = "0123456789abcdefghijklmnopqrstuvwxyz";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(s.charAt(r.nextInt(s.length())));
        }
        return sb.toString();
    }
}
