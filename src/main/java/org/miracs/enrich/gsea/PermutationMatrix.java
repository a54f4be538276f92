package org.miracs.enrich.gsea;

import org.miracs.stats.random.NumpyGenerator;

/**
 * decoupler's permutation matrix {@code _ridx(times, n, seed)} materialized: row t is the t-th
 * {@code rng.shuffle(arange(n))} of one {@code np.random.default_rng(seed)}; seed 0 gives
 * identity rows (decoupler's {@code if seed:}). decoupler shares it across every observation of
 * a call, so build it once per (seed, n, times) and pass it to
 * {@link Gsea#run(double[], BoundSets, PermutationMatrix)} for each unit ranking the same n
 * features; that skips the random generation (about a third of an EXACT unit's time).
 * Stored as 16-bit values when n &lt;= 65536 (10,000 x 1,500 = 30 MB). Immutable.
 */
public final class PermutationMatrix {
    private final int n;
    private final int times;
    private final long seed;
    private final char[] small;
    private final int[] large;

    private PermutationMatrix(int n, int times, long seed, char[] small, int[] large) {
        this.n = n;
        this.times = times;
        this.seed = seed;
        this.small = small;
        this.large = large;
    }

    public static PermutationMatrix numpy(long seed, int n, int times) {
        long cells = (long) n * times;
        if (cells > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("permutation matrix too large: " + cells);
        }
        boolean useChar = n <= 65536;
        char[] small = useChar ? new char[(int) cells] : null;
        int[] large = useChar ? null : new int[(int) cells];
        PermutationSource src = PermutationSource.numpy(seed, n);
        int[] row = new int[n];
        for (int t = 0; t < times; t++) {
            src.next(row);
            int off = t * n;
            if (useChar) {
                for (int i = 0; i < n; i++) {
                    small[off + i] = (char) row[i];
                }
            } else {
                System.arraycopy(row, 0, large, off, n);
            }
        }
        return new PermutationMatrix(n, times, seed, small, large);
    }

    public int n() {
        return n;
    }

    public int times() {
        return times;
    }

    public long seed() {
        return seed;
    }

    public int get(int t, int i) {
        int off = t * n + i;
        return small != null ? small[off] : large[off];
    }

    void row(int t, int[] dst) {
        int off = t * n;
        if (small != null) {
            for (int i = 0; i < n; i++) {
                dst[i] = small[off + i];
            }
        } else {
            System.arraycopy(large, off, dst, 0, n);
        }
    }

    PermutationSource source() {
        return new PermutationSource() {
            private int t;

            @Override
            void next(int[] dst) {
                row(t++, dst);
            }
        };
    }
}

/** A stream of permutations of 0..n-1 (decoupler's rows, in order). */
abstract class PermutationSource {
    abstract void next(int[] dst);

    /** numpy default_rng(seed) shuffles of arange(n); seed 0: identity (decoupler). */
    static PermutationSource numpy(long seed, int n) {
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        if (seed == 0) {
            return new PermutationSource() {
                @Override
                void next(int[] dst) {
                    System.arraycopy(identity, 0, dst, 0, n);
                }
            };
        }
        NumpyGenerator g = new NumpyGenerator(seed);
        return new PermutationSource() {
            @Override
            void next(int[] dst) {
                System.arraycopy(identity, 0, dst, 0, n);
                g.shuffle(dst);
            }
        };
    }
}
