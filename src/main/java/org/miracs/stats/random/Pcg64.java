package org.miracs.stats.random;

/**
 * numpy's {@code PCG64} bit generator (PCG XSL-RR 128/64), bit-for-bit, including numpy's
 * buffered {@code next_uint32} (low half of a fresh 64-bit output first, high half on the
 * next call).
 *
 * <p>Mutable and not thread-safe: one instance per thread / unit of work.
 */
public final class Pcg64 {
    private static final long MULT_HI = 0x2360ED051FC65DA4L;
    private static final long MULT_LO = 0x4385DF649FCCF645L;

    private long stateHi;
    private long stateLo;
    private final long incHi;
    private final long incLo;
    private boolean hasUint32;
    private int uinteger;

    /** {@code PCG64(seed)}, i.e. seeded through {@code SeedSequence(seed)}. */
    public Pcg64(long seed) {
        this(new SeedSequence(seed));
    }

    /** {@code PCG64(seed_sequence)}: {@code generate_state(4, uint64)} then {@code pcg64_set_seed}. */
    public Pcg64(SeedSequence seq) {
        long[] v = seq.generateState64(4);
        // initstate = v0 << 64 | v1 ; initseq = v2 << 64 | v3 ; inc = initseq << 1 | 1
        long initHi = v[0];
        long initLo = v[1];
        this.incHi = (v[2] << 1) | (v[3] >>> 63);
        this.incLo = (v[3] << 1) | 1L;
        this.stateHi = 0;
        this.stateLo = 0;
        step();
        long lo = stateLo + initLo;
        long carry = Long.compareUnsigned(lo, stateLo) < 0 ? 1 : 0;
        stateHi = stateHi + initHi + carry;
        stateLo = lo;
        step();
    }

    private void step() {
        long sLo = stateLo;
        long sHi = stateHi;
        long lo = sLo * MULT_LO;
        long hi = unsignedMultiplyHigh(sLo, MULT_LO) + sLo * MULT_HI + sHi * MULT_LO;
        long lo2 = lo + incLo;
        long carry = Long.compareUnsigned(lo2, lo) < 0 ? 1 : 0;
        stateHi = hi + incHi + carry;
        stateLo = lo2;
    }

    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** {@code next_uint64}: advance, then XSL-RR output of the new state. */
    public long nextLong() {
        step();
        long hi = stateHi;
        return Long.rotateRight(hi ^ stateLo, (int) (hi >>> 58));
    }

    /** numpy's buffered {@code next_uint32}, as a signed int (use {@code & 0xFFFFFFFFL}). */
    public int nextInt() {
        if (hasUint32) {
            hasUint32 = false;
            return uinteger;
        }
        long next = nextLong();
        hasUint32 = true;
        uinteger = (int) (next >>> 32);
        return (int) next;
    }

    /**
     * numpy's {@code Generator.shuffle} of a 1-D array (Fisher-Yates, i = n-1..1, j =
     * {@code random_interval(i)} by masked rejection on buffered 32-bit draws), with the generator
     * state held in locals for speed. Bit-identical to {@link NumpyGenerator#shuffle(int[])}.
     */
    void shuffle(int[] a) {
        long sHi = stateHi;
        long sLo = stateLo;
        final long iHi = incHi;
        final long iLo = incLo;
        boolean has = hasUint32;
        int buf = uinteger;
        for (int i = a.length - 1; i >= 1; i--) {
            int mask = -1 >>> Integer.numberOfLeadingZeros(i);
            int value;
            do {
                int draw;
                if (has) {
                    has = false;
                    draw = buf;
                } else {
                    // step + XSL-RR output
                    long lo = sLo * MULT_LO;
                    long hi = unsignedMultiplyHigh(sLo, MULT_LO) + sLo * MULT_HI + sHi * MULT_LO;
                    long lo2 = lo + iLo;
                    sHi = hi + iHi + (Long.compareUnsigned(lo2, lo) < 0 ? 1 : 0);
                    sLo = lo2;
                    long out = Long.rotateRight(sHi ^ sLo, (int) (sHi >>> 58));
                    has = true;
                    buf = (int) (out >>> 32);
                    draw = (int) out;
                }
                value = draw & mask;
            } while (value > i);
            int t = a[value];
            a[value] = a[i];
            a[i] = t;
        }
        stateHi = sHi;
        stateLo = sLo;
        hasUint32 = has;
        uinteger = buf;
    }

    /** {@code next_double}: {@code (next_uint64 >> 11) * 2^-53}. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
