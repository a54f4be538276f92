package org.miracs.stats.random;

/**
 * The parts of numpy's {@code Generator} (over {@link Pcg64}) that decoupler uses, bit-for-bit:
 * {@code shuffle} / {@code permutation} (Fisher-Yates with numpy's masked-rejection
 * {@code random_interval}), {@code integers} bounds via numpy's Lemire rejection
 * ({@code random_bounded_uint64}), and {@code choice(n, size, replace=False)} (Floyd's
 * algorithm or tail shuffle, then a Lemire-bounded shuffle).
 *
 * <p>{@code new NumpyGenerator(seed)} equals {@code np.random.default_rng(seed)}.
 * Mutable and not thread-safe.
 */
public final class NumpyGenerator {
    private final Pcg64 bitGen;

    public NumpyGenerator(long seed) {
        this(new Pcg64(seed));
    }

    public NumpyGenerator(SeedSequence seq) {
        this(new Pcg64(seq));
    }

    public NumpyGenerator(Pcg64 bitGen) {
        this.bitGen = bitGen;
    }

    public Pcg64 bitGenerator() {
        return bitGen;
    }

    /**
     * numpy's {@code random_interval(max)}: uniform in {@code [0, max]} by masked rejection
     * (32-bit draws when {@code max <= 0xFFFFFFFF}).
     */
    public long randomInterval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        long value;
        if (Long.compareUnsigned(max, 0xFFFFFFFFL) <= 0) {
            do {
                value = bitGen.nextInt() & mask;
            } while (value > max);
        } else {
            do {
                value = bitGen.nextLong() & mask;
            } while (Long.compareUnsigned(value, max) > 0);
        }
        return value;
    }

    /** {@link #randomInterval(long)} for an int bound; the hot path of {@link #shuffle(int[])}. */
    public int randomInterval(int max) {
        if (max == 0) {
            return 0;
        }
        int mask = -1 >>> Integer.numberOfLeadingZeros(max);
        int value;
        do {
            value = bitGen.nextInt() & mask;
        } while (value > max);
        return value;
    }

    /**
     * numpy's {@code random_bounded_uint64(off=0, rng, mask=0, use_masked=False)}: uniform in
     * {@code [0, rng]} (inclusive) by Lemire's multiply-shift rejection.
     */
    public long boundedLemire(long rng) {
        if (rng == 0) {
            return 0;
        }
        if (Long.compareUnsigned(rng, 0xFFFFFFFFL) <= 0) {
            if (rng == 0xFFFFFFFFL) {
                return bitGen.nextInt() & 0xFFFFFFFFL;
            }
            return boundedLemire32((int) rng) & 0xFFFFFFFFL;
        }
        if (rng == -1L) {
            return bitGen.nextLong();
        }
        long rngExcl = rng + 1;
        long x = bitGen.nextLong();
        long mLo = x * rngExcl;
        long mHi = Pcg64.unsignedMultiplyHigh(x, rngExcl);
        if (Long.compareUnsigned(mLo, rngExcl) < 0) {
            long threshold = Long.remainderUnsigned(-rngExcl, rngExcl);
            while (Long.compareUnsigned(mLo, threshold) < 0) {
                x = bitGen.nextLong();
                mLo = x * rngExcl;
                mHi = Pcg64.unsignedMultiplyHigh(x, rngExcl);
            }
        }
        return mHi;
    }

    /** numpy's {@code buffered_bounded_lemire_uint32(rng)}: uniform in {@code [0, rng]}, rng != 2^32-1. */
    public int boundedLemire32(int rng) {
        long rngExcl = (rng & 0xFFFFFFFFL) + 1;
        long m = (bitGen.nextInt() & 0xFFFFFFFFL) * rngExcl;
        long leftover = m & 0xFFFFFFFFL;
        if (leftover < rngExcl) {
            long threshold = (0xFFFFFFFFL - (rng & 0xFFFFFFFFL)) % rngExcl;
            while (leftover < threshold) {
                m = (bitGen.nextInt() & 0xFFFFFFFFL) * rngExcl;
                leftover = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** {@code Generator.shuffle(a)} for a 1-D array: i = n-1..1, swap a[i] with a[random_interval(i)]. */
    public void shuffle(int[] a) {
        bitGen.shuffle(a);
    }

    /** Reference version of {@link #shuffle(int[])} through {@link #randomInterval(int)} (for tests). */
    void shuffleSlow(int[] a) {
        for (int i = a.length - 1; i >= 1; i--) {
            int j = randomInterval(i);
            int t = a[j];
            a[j] = a[i];
            a[i] = t;
        }
    }

    /** {@code Generator.permutation(n)}: {@code arange(n)} shuffled. */
    public int[] permutation(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        shuffle(a);
        return a;
    }

    /**
     * {@code Generator.choice(popSize, size, replace=False, shuffle=True)}, numpy's algorithm:
     * a tail shuffle when {@code popSize > 10000 and size > popSize // 50}, otherwise Floyd's
     * algorithm with a linear-probing hash set, followed by a Lemire-bounded shuffle.
     */
    public long[] choiceWithoutReplacement(long popSize, int size) {
        if (size < 0 || size > popSize) {
            throw new IllegalArgumentException("size must be in [0, popSize]");
        }
        long[] out = new long[size];
        if (popSize > 10000 && size > popSize / 50) {
            if (popSize > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("popSize too large for the tail-shuffle path");
            }
            int pop = (int) popSize;
            long[] idx = new long[pop];
            for (int i = 0; i < pop; i++) {
                idx[i] = i;
            }
            int first = Math.max(pop - size, 1);
            for (int i = pop - 1; i >= first; i--) {
                int j = (int) boundedLemire(i);
                long t = idx[j];
                idx[j] = idx[i];
                idx[i] = t;
            }
            System.arraycopy(idx, pop - size, out, 0, size);
            return out;
        }
        // Floyd's algorithm
        long setSize = (long) (1.2 * size);
        long mask = genMask(setSize);
        int tableSize = (int) (mask + 1);
        long[] hashSet = new long[tableSize];
        java.util.Arrays.fill(hashSet, -1L);
        for (long j = popSize - size; j < popSize; j++) {
            long val = boundedLemire(j);
            int loc = (int) (val & mask);
            while (hashSet[loc] != -1L && hashSet[loc] != val) {
                loc = (int) ((loc + 1) & mask);
            }
            int outIdx = (int) (j - popSize + size);
            if (hashSet[loc] == -1L) {
                hashSet[loc] = val;
                out[outIdx] = val;
            } else {
                loc = (int) (j & mask);
                while (hashSet[loc] != -1L) {
                    loc = (int) ((loc + 1) & mask);
                }
                hashSet[loc] = j;
                out[outIdx] = j;
            }
        }
        // _shuffle_int(size, 1, idx)
        for (int i = size - 1; i >= 1; i--) {
            int j = (int) boundedLemire(i);
            long t = out[j];
            out[j] = out[i];
            out[i] = t;
        }
        return out;
    }

    /** {@code choiceWithoutReplacement(n, n)} as ints: numpy's {@code choice(n, n, replace=False)}. */
    public int[] choicePermutation(int n) {
        long[] c = choiceWithoutReplacement(n, n);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) c[i];
        }
        return out;
    }

    /** numpy's {@code _gen_mask}: smallest 2^b - 1 >= max. */
    static long genMask(long max) {
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        return mask;
    }
}
