package org.miracs.enrich.gsea;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GseaEdgeCaseTest {

    private static String[] ids(int n) {
        String[] f = new String[n];
        for (int i = 0; i < n; i++) {
            f[i] = "d" + i;
        }
        return f;
    }

    @Test
    void setCollectionValidatesAndPrunes() {
        SetCollection.Builder b = SetCollection.builder().add("B", "d1").add("A", "d2");
        assertThrows(IllegalArgumentException.class, () -> b.add("B", "d1"));
        SetCollection sets = SetCollection.of(Map.of("zeta", List.of("d0", "d1", "x"), "alpha", List.of("d2", "y"),
            "\u00e9", List.of("d3"), "Zeta", List.of("d4")));
        // Python (code point) order: "Zeta" < "alpha" < "zeta" < "\u00e9"
        assertEquals(List.of("Zeta", "alpha", "zeta", "\u00e9"), sets.names());
        BoundSets bound = sets.bind(ids(5), 2);
        assertEquals(List.of("zeta"), bound.names()); // 2 members present; the others have 1
        assertEquals(2, bound.size(0));
        assertThrows(IllegalArgumentException.class, () -> sets.bind(new String[] {"a", "a"}, 1));
    }

    @Test
    void rejectsBadScores() {
        Gsea g = new Gsea(GseaOptions.DEFAULT.withPermutations(10));
        SetCollection sets = SetCollection.of(Map.of("s", List.of("d0", "d1")));
        assertThrows(IllegalArgumentException.class,
            () -> g.run(new double[] {1, Double.NaN, 2}, ids(3), sets, 1L));
        assertThrows(IllegalArgumentException.class, () -> g.run(new double[] {1, 2}, ids(3), sets, 1L));
    }

    /** Closed form: k hits on top of N with equal |r|: ES = 1 at rank k-1; all on the bottom: ES = -(N-k)/(N-k) = -1. */
    @Test
    void closedFormExtremesAndLeadingEdge() {
        int n = 20;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = 1.0 - i / 32.0; // distinct, exactly representable, descending with index
        }
        SetCollection sets = SetCollection.of(Map.of("top", List.of("d0", "d1", "d2"),
            "bottom", List.of("d17", "d18", "d19")));
        for (GseaMode mode : GseaMode.values()) {
            List<GseaResult> r = new Gsea(GseaOptions.DEFAULT.withMode(mode).withTmin(1).withPermutations(2000))
                .run(s, ids(n), sets, 3L);
            GseaResult bottom = r.get(0);
            GseaResult top = r.get(1);
            assertEquals("bottom", bottom.set());
            assertEquals(1.0, top.es(), 1e-15);
            assertEquals(2, top.leadingEdgeRank());
            assertEquals(List.of("d0", "d1", "d2"), top.leadingEdge());
            // bottom: the walk reaches -(N-k) * 1/(N-k) = -1 at rank 16, just before the first hit
            assertEquals(-1.0, bottom.es(), 1e-15);
            assertEquals(16, bottom.leadingEdgeRank());
            assertEquals(List.of("d19", "d18", "d17"), bottom.leadingEdge());
            // the most extreme possible ES: p = (#nulls at exactly +-1) / #same-sign; tiny
            assertTrue(top.pValue() < 0.01 && bottom.pValue() < 0.01, mode + " " + top + " " + bottom);
            assertTrue(top.nes() > 1 && bottom.nes() < -1);
            assertEquals(2000, top.nullPositive() + top.nullNegative());
        }
    }

    @Test
    void allZeroSetAndFullCoverage() {
        double[] s = {0.5, 0.0, -0.0, 0.25, -0.75};
        SetCollection sets = SetCollection.of(Map.of("zeros", List.of("d1", "d2"),
            "all", List.of("d0", "d1", "d2", "d3", "d4")));
        for (GseaMode mode : GseaMode.values()) {
            List<GseaResult> r = new Gsea(GseaOptions.DEFAULT.withMode(mode).withTmin(1).withPermutations(200))
                .run(s, ids(5), sets, 9L);
            GseaResult all = r.get(0);
            GseaResult zeros = r.get(1);
            assertEquals("all", all.set());
            // every feature a hit: no misses, the walk ends at sum_set/sum_set = 1 and every null equals it
            assertEquals(1.0, all.es(), 1e-15);
            assertEquals(1.0, all.pValue(), 0.0);
            assertEquals(1.0, all.nes(), 1e-12);
            // sum_set = 0 -> ES = 0 (decoupler) and the positive nulls (>= 0) are all >= 0 -> p = 1
            assertEquals(0.0, zeros.es(), 0.0);
            assertEquals(1.0, zeros.pValue(), 0.0);
        }
    }

    @Test
    void permutationMatrixMatchesStreamingAndValidates() {
        double[] s = new double[50];
        for (int i = 0; i < 50; i++) {
            s[i] = Math.sin(i * 1.7);
        }
        SetCollection sets = SetCollection.of(Map.of("a", List.of("d1", "d5", "d9", "d13", "d40"),
            "b", List.of("d2", "d3", "d4", "d30", "d31", "d32")));
        Gsea g = new Gsea(GseaOptions.decoupler().withPermutations(300));
        BoundSets bound = sets.bind(ids(50), 5);
        PermutationMatrix pm = PermutationMatrix.numpy(42, 50, 300);
        assertEquals(g.run(s, bound, 42L), g.run(s, bound, pm));
        assertThrows(IllegalArgumentException.class, () -> g.run(s, bound, PermutationMatrix.numpy(42, 50, 10)));
        assertThrows(IllegalStateException.class, () -> new Gsea(GseaOptions.DEFAULT).run(s, bound, pm));
        // row 0 of the matrix is default_rng(42).permutation-style shuffle of arange(50)
        org.miracs.stats.random.NumpyGenerator ng = new org.miracs.stats.random.NumpyGenerator(42);
        int[] row = new int[50];
        for (int i = 0; i < 50; i++) {
            row[i] = i;
        }
        ng.shuffle(row);
        for (int i = 0; i < 50; i++) {
            assertEquals(row[i], pm.get(0, i));
        }
    }

    @Test
    void noSameSignNullGivesNesZeroPOne() {
        // N = 3, |r| = (1, .5, .25), one member on top: ES = +1. numpy default_rng(8) shuffles of
        // arange(3) are [1,2,0], [2,0,1], [2,0,1] (numpy): the member moves to rank 2 (null -1) and
        // rank 1 (walk -0.5, +0.5, 0: |mx_pos| = |mx_neg| -> decoupler takes -0.5). No null >= 0, so
        // decoupler 2.0.4 would give inf; we give NES 0 and p 1 (decoupler 2.1.1).
        double[] s = {1.0, 0.5, 0.25};
        SetCollection sets = SetCollection.of(Map.of("s", List.of("d0")));
        GseaResult r = new Gsea(GseaOptions.decoupler().withTmin(1).withPermutations(3))
            .run(s, ids(3), sets, 8L).get(0);
        assertEquals(1.0, r.es(), 0.0);
        assertEquals(0, r.nullPositive());
        assertEquals(3, r.nullNegative());
        assertEquals(0.0, r.nes(), 0.0);
        assertEquals(1.0, r.pValue(), 0.0);
        assertEquals(1.0, r.pAdj(), 0.0);

        // identity permutations (seed 0, decoupler's "if seed:"): every null equals ES
        GseaResult id = new Gsea(GseaOptions.decoupler().withTmin(1).withPermutations(20))
            .run(new double[] {1.0, 0.5}, ids(2), SetCollection.of(Map.of("s", List.of("d1"))), 0L).get(0);
        assertEquals(-1.0, id.es(), 0.0);
        assertEquals(1.0, id.pValue(), 0.0);
        assertEquals(-1.0, id.nes(), 0.0);

        // 1 permutation: no null at all -> score = ES, p = 1 (decoupler: times <= 1)
        GseaResult one = new Gsea(GseaOptions.DEFAULT.withTmin(1).withPermutations(1))
            .run(new double[] {1.0, 0.5}, ids(2), SetCollection.of(Map.of("s", List.of("d0"))), 5L).get(0);
        assertEquals(1.0, one.es(), 0.0);
        assertEquals(1.0, one.nes(), 0.0);
        assertEquals(1.0, one.pValue(), 0.0);
    }
}
