package org.miracs.stats.random;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Port of numpy's {@code numpy.random.SeedSequence} (pool size 4, no spawn key), bit-for-bit.
 *
 * <p>The entropy is a sequence of uint32 words, built exactly as numpy's
 * {@code _coerce_to_uint32_array} builds it: a non-negative integer becomes its little-endian
 * 32-bit words ({@code 0 -> [0]}), and a sequence of integers becomes the concatenation of
 * each one's words. So {@code new SeedSequence(42)} equals {@code SeedSequence(42)} and
 * {@code SeedSequence.ofIntegers(42, 7)} equals {@code SeedSequence([42, 7])}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SeedSequence {
    private static final int POOL_SIZE = 4;
    private static final int INIT_A = 0x43b0d7e5;
    private static final int MULT_A = 0x931e8875;
    private static final int INIT_B = 0x8b51f9dd;
    private static final int MULT_B = 0x58f38ded;
    private static final int MIX_MULT_L = 0xca01f9dd;
    private static final int MIX_MULT_R = 0x4973f715;
    private static final int XSHIFT = 16;

    private final int[] pool;

    /** {@code SeedSequence(seed)} for a seed read as an unsigned 64-bit integer. */
    public SeedSequence(long seed) {
        this(unsignedWords(seed));
    }

    /** {@code SeedSequence(entropy)} for an arbitrary non-negative integer. */
    public SeedSequence(BigInteger entropy) {
        this(bigWords(entropy));
    }

    private SeedSequence(int[] entropyWords) {
        this.pool = mixEntropy(entropyWords);
    }

    /** {@code SeedSequence([v0, v1, ...])}: each value read as an unsigned 64-bit integer. */
    public static SeedSequence ofIntegers(long... values) {
        int[] all = new int[0];
        for (long v : values) {
            int[] w = unsignedWords(v);
            int[] next = Arrays.copyOf(all, all.length + w.length);
            System.arraycopy(w, 0, next, all.length, w.length);
            all = next;
        }
        return new SeedSequence(all);
    }

    /** {@code SeedSequence(np.array(words, dtype=uint32))}. */
    public static SeedSequence ofUint32Words(int... words) {
        return new SeedSequence(words.clone());
    }

    /** The mixed entropy pool (4 uint32 words, as signed ints). */
    public int[] pool() {
        return pool.clone();
    }

    /** {@code generate_state(n, np.uint32)}. */
    public int[] generateState32(int nWords) {
        int[] state = new int[nWords];
        int hashConst = INIT_B;
        for (int i = 0; i < nWords; i++) {
            int v = pool[i % POOL_SIZE];
            v ^= hashConst;
            hashConst *= MULT_B;
            v *= hashConst;
            v ^= v >>> XSHIFT;
            state[i] = v;
        }
        return state;
    }

    /** {@code generate_state(n, np.uint64)}: pairs of uint32 words, little-endian. */
    public long[] generateState64(int nWords) {
        int[] s = generateState32(2 * nWords);
        long[] out = new long[nWords];
        for (int i = 0; i < nWords; i++) {
            out[i] = (s[2 * i] & 0xFFFFFFFFL) | ((long) s[2 * i + 1] << 32);
        }
        return out;
    }

    private static int[] mixEntropy(int[] entropy) {
        int[] mixer = new int[POOL_SIZE];
        int[] hashConst = {INIT_A};
        for (int i = 0; i < POOL_SIZE; i++) {
            mixer[i] = hashmix(i < entropy.length ? entropy[i] : 0, hashConst);
        }
        for (int src = 0; src < POOL_SIZE; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                if (src != dst) {
                    mixer[dst] = mix(mixer[dst], hashmix(mixer[src], hashConst));
                }
            }
        }
        for (int src = POOL_SIZE; src < entropy.length; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                mixer[dst] = mix(mixer[dst], hashmix(entropy[src], hashConst));
            }
        }
        return mixer;
    }

    private static int hashmix(int value, int[] hashConst) {
        value ^= hashConst[0];
        hashConst[0] *= MULT_A;
        value *= hashConst[0];
        value ^= value >>> XSHIFT;
        return value;
    }

    private static int mix(int x, int y) {
        int result = MIX_MULT_L * x - MIX_MULT_R * y;
        result ^= result >>> XSHIFT;
        return result;
    }

    private static int[] unsignedWords(long v) {
        if ((v >>> 32) == 0) {
            return new int[] {(int) v};
        }
        return new int[] {(int) v, (int) (v >>> 32)};
    }

    private static int[] bigWords(BigInteger n) {
        if (n.signum() < 0) {
            throw new IllegalArgumentException("entropy must be non-negative: " + n);
        }
        if (n.signum() == 0) {
            return new int[] {0};
        }
        int len = (n.bitLength() + 31) / 32;
        int[] w = new int[len];
        for (int i = 0; i < len; i++) {
            w[i] = n.shiftRight(32 * i).intValue();
        }
        return w;
    }
}
