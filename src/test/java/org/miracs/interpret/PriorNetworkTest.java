package org.miracs.interpret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriorNetworkTest {

    @Test
    void builtinProgenyHasFourteenPathwaysOfFiveHundredTargets() {
        PriorNetwork p = PriorNetwork.load(PriorNetwork.PROGENY_HUMAN_TOP500);
        // Python string order (code points): upper case before lower case
        assertEquals(List.of("Androgen", "EGFR", "Estrogen", "Hypoxia", "JAK-STAT", "MAPK", "NFkB", "PI3K", "TGFb",
            "TNFa", "Trail", "VEGF", "WNT", "p53"), p.sources());
        assertEquals(7000, p.edgeCount());
        int tnfa = p.indexOf("TNFa");
        assertEquals(500, p.targets(tnfa).size());
        // first TNFa row of the file: TNFa TNFAIP3 35.4007175514781 (p_value column ignored)
        assertEquals("TNFAIP3", p.targets(tnfa).get(0));
        assertEquals(35.4007175514781, p.weight(tnfa, 0), 0);
        assertThrows(IllegalArgumentException.class, () -> PriorNetwork.load("builtin:collectri"));
    }

    @Test
    void csvAndTsvAreReadByHeaderName() throws IOException {
        String csv = "p_value,target,weight,source\n0.1,G1,1.5,A\n0.2,\"G,2\",-2,A\n0.3,G1,0.5,B\n";
        PriorNetwork n = PriorNetwork.parse("x.csv", new StringReader(csv));
        assertEquals(List.of("A", "B"), n.sources());
        assertEquals(List.of("G1", "G,2"), n.targets(0));
        assertEquals(-2.0, n.weight(0, 1), 0);
        String tsv = "SOURCE\tTARGET\tWeight\textra\nA\tG1\t1.5\tz\nB\tG1\t0.5\tz\n";
        PriorNetwork t = PriorNetwork.parse("x.tsv", new StringReader(tsv));
        assertEquals(List.of("A", "B"), t.sources());
        assertEquals(0.5, t.weight(1, 0), 0);
        // no weight column: every edge weighs 1, as in decoupler
        PriorNetwork u = PriorNetwork.parse("u.csv", new StringReader("source,target\nS,G1\nS,G2\n"));
        assertEquals(1.0, u.weight(0, 1), 0);
    }

    @Test
    void duplicatedEdgeNamesFileAndRows(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("net.tsv");
        Files.writeString(f, "source\ttarget\tweight\nA\tG1\t1\nA\tG2\t1\nA\tG1\t3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PriorNetwork.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("row 4"), e.getMessage());
        assertTrue(e.getMessage().contains("first at row 2"), e.getMessage());
        assertTrue(e.getMessage().contains("(A, G1)"), e.getMessage());
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, "source,target,weight\nA,G1,1\nA,G2,1\n");
        assertEquals(2, PriorNetwork.load(ok.toString()).edgeCount());
    }

    @Test
    void missingColumnsAndBadWeightsAreErrors() {
        assertThrows(IllegalArgumentException.class,
            () -> PriorNetwork.parse("m.csv", new StringReader("source,gene,weight\nA,G,1\n")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> PriorNetwork.parse("w.csv", new StringReader("source,target,weight\nA,G,x\n")));
        assertTrue(e.getMessage().contains("w.csv row 2"), e.getMessage());
    }

    @Test
    void pruneKeepsTargetsAmongFeaturesAndSourcesWithTminOfThem() {
        PriorNetwork.Builder b = PriorNetwork.builder("toy");
        for (int i = 0; i < 6; i++) {
            b.add("big", "G" + i, i + 1);
        }
        for (int i = 0; i < 5; i++) {
            b.add("edge", "G" + (i + 3), -1);
        }
        PriorNetwork n = b.build();
        // features G0..G6: big keeps 6 targets, edge keeps G3..G6 = 4 < 5
        PriorNetwork p = n.prune(List.of("G0", "G1", "G2", "G3", "G4", "G5", "G6"), 5);
        assertEquals(List.of("big"), p.sources());
        assertEquals(6, p.targets(0).size());
        PriorNetwork q = n.prune(List.of("G0", "G1", "G2", "G3", "G4", "G5", "G6", "G7"), 5);
        assertEquals(List.of("big", "edge"), q.sources());
        double[][] a = q.adjacency(new String[] {"X", "G7", "G0"});
        assertArrayEquals(new double[] {0, 0}, a[0], 0);
        assertArrayEquals(new double[] {0, -1}, a[1], 0);
        assertArrayEquals(new double[] {1, 0}, a[2], 0);
    }
}
