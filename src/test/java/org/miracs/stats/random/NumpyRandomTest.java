package org.miracs.stats.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.miracs.testutil.Fixtures;

/**
 * Expected values were produced by numpy (1.24 for the fixture, 2.4.6 for the inline values;
 * SeedSequence, PCG64, shuffle, integers and choice have the same bit stream in both), e.g.
 * {@code np.random.SeedSequence(42).pool}, {@code np.random.PCG64(42).random_raw(3)}.
 */
class NumpyRandomTest {

    private static int[] words(long... w) {
        int[] out = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = (int) w[i];
        }
        return out;
    }

    @Test
    void seedSequencePoolAndState() {
        SeedSequence ss = new SeedSequence(42);
        assertArrayEquals(words(0x631d3606L, 0x7ae90aeL, 0x6fc4be28L, 0x2ced5c75L), ss.pool());
        assertArrayEquals(new long[] {0x9f1e2e6dcd540ab7L, 0xd57873dc79fb94b6L, 0x7d282a1b64d420b7L,
            0x336579714692d5ffL}, ss.generateState64(4));
        // np.random.SeedSequence([42, 2**40+5, 0, 7, 9]).pool : more entropy words than the pool
        assertArrayEquals(words(0xe38ea95L, 0xf27b09c5L, 0x50e74dfdL, 0xa155e0ebL),
            SeedSequence.ofIntegers(42, (1L << 40) + 5, 0, 7, 9).pool());
        // np.random.SeedSequence(2**70+123).pool
        assertArrayEquals(words(0x31a9d160L, 0x313f5b47L, 0xca3fc23L, 0x51c58f2fL),
            new SeedSequence(BigInteger.ONE.shiftLeft(70).add(BigInteger.valueOf(123))).pool());
    }

    @Test
    void pcg64RawOutputs() {
        Pcg64 g = new Pcg64(42);
        assertEquals(0xc621fbcd16d92688L, g.nextLong());
        assertEquals(0x705a5661a791ffc1L, g.nextLong());
        assertEquals(0xdbcd12c26eda1624L, g.nextLong());
        Pcg64 m = new Pcg64(-1L); // seed 2**64-1
        assertEquals(0xae163a7a8c47568fL, m.nextLong());
        assertEquals(0xd86659f5f3382359L, m.nextLong());
    }

    @Test
    void bufferedUint32AndDoubles() {
        // np.random.default_rng(7).integers(0, 2**32, size=5, dtype=np.uint32)
        Pcg64 g = new Pcg64(7);
        long[] expect = {0xf1e54a8bL, 0xa00641a9L, 0xaf266a95L, 0xe5afcdbcL, 0x940af962L};
        for (long e : expect) {
            assertEquals(e, g.nextInt() & 0xFFFFFFFFL);
        }
        // np.random.default_rng(3).random(2)
        Pcg64 d = new Pcg64(3);
        assertEquals(0.08564916714362436, d.nextDouble(), 0.0);
        assertEquals(0.2368105065960997, d.nextDouble(), 0.0);
    }

    @Test
    void lemireBoundedIntegers() {
        // np.random.default_rng(123).integers(0, 1000, size=6)
        NumpyGenerator g = new NumpyGenerator(123);
        long[] e32 = {15, 682, 592, 53, 909, 220};
        for (long e : e32) {
            assertEquals(e, g.boundedLemire(999));
        }
        // np.random.default_rng(123).integers(0, 2**40, size=4)
        NumpyGenerator h = new NumpyGenerator(123);
        long[] e64 = {750253807875L, 59176835991L, 242288242408L, 202718949697L};
        for (long e : e64) {
            assertEquals(e, h.boundedLemire((1L << 40) - 1));
        }
    }

    @Test
    void permutationAndChoice() {
        // np.random.default_rng(9).permutation(20)
        assertArrayEquals(new int[] {14, 3, 13, 12, 6, 9, 17, 2, 7, 10, 15, 18, 16, 5, 19, 8, 11, 4, 0, 1},
            new NumpyGenerator(9).permutation(20));
        // np.random.default_rng(0).choice(300, 300, replace=False)[:12]  (decoupler break_ties, Floyd)
        int[] c300 = new NumpyGenerator(0).choicePermutation(300);
        assertArrayEquals(new int[] {242, 54, 153, 94, 39, 159, 22, 9, 170, 280, 34, 186},
            java.util.Arrays.copyOf(c300, 12));
        int[] c1500 = new NumpyGenerator(0).choicePermutation(1500);
        assertArrayEquals(new int[] {1238, 774, 35, 817, 942, 1102, 121, 894}, java.util.Arrays.copyOf(c1500, 8));
        assertArrayEquals(new int[] {375, 370, 1150, 387}, java.util.Arrays.copyOfRange(c1500, 1496, 1500));
        // np.random.default_rng(5).choice(20000, 1000, replace=False)  (tail-shuffle path)
        long[] tail = new NumpyGenerator(5).choiceWithoutReplacement(20000, 1000);
        assertArrayEquals(new long[] {10974, 12442, 12953, 16040, 7964, 16773}, java.util.Arrays.copyOf(tail, 6));
        assertArrayEquals(new long[] {453, 16099, 13415}, java.util.Arrays.copyOfRange(tail, 997, 1000));
    }

    /** decoupler's {@code _ridx(100, 300, 42)}: rows shuffled in turn by one default_rng(42). */
    @Test
    void decouplerPermutationMatrixSeed42() {
        List<String[]> rows = Fixtures.csv("gsea_small/ridx_seed42_nvar300_times100.csv");
        assertEquals(100, rows.size());
        NumpyGenerator g = new NumpyGenerator(42);
        int[] row = new int[300];
        for (String[] expected : rows) {
            for (int i = 0; i < 300; i++) {
                row[i] = i;
            }
            g.shuffle(row);
            int[] e = new int[300];
            for (int i = 0; i < 300; i++) {
                e[i] = Integer.parseInt(expected[i].trim());
            }
            assertArrayEquals(e, row);
        }
    }

    @Test
    void fastShuffleEqualsReferenceShuffle() {
        for (int n : new int[] {0, 1, 2, 3, 17, 64, 65, 1000, 1500}) {
            NumpyGenerator a = new NumpyGenerator(99);
            NumpyGenerator b = new NumpyGenerator(99);
            for (int rep = 0; rep < 5; rep++) {
                int[] x = new int[n];
                int[] y = new int[n];
                for (int i = 0; i < n; i++) {
                    x[i] = i;
                    y[i] = i;
                }
                a.shuffle(x);
                b.shuffleSlow(y);
                assertArrayEquals(y, x);
                // interleave a buffered 32-bit draw so both paths start mid-buffer
                assertEquals(b.bitGenerator().nextInt(), a.bitGenerator().nextInt());
            }
        }
    }

    @Test
    void unitSeedsAreStableAndKeyed() {
        long a = UnitSeeds.derive(42, "BREAST", "Factor1");
        assertEquals(a, UnitSeeds.derive(42, "BREAST", "Factor1"));
        org.junit.jupiter.api.Assertions.assertNotEquals(a, UnitSeeds.derive(42, "BREAST", "Factor2"));
        org.junit.jupiter.api.Assertions.assertNotEquals(a, UnitSeeds.derive(43, "BREAST", "Factor1"));
        // length-prefixing: ("AB","C") and ("A","BC") differ
        org.junit.jupiter.api.Assertions.assertNotEquals(UnitSeeds.derive(1, "AB", "C"), UnitSeeds.derive(1, "A", "BC"));
    }
}
