package org.miracs.sampledata;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic CollecTRI-style transcription-factor network ({@code source, target, weight}, weights +1 /
 * -1) over the generated genes, so phase 4's TF activity (Fig. 2b) has a network to use offline: the
 * planted program's regulators (ATF6, IRF1, RELA, STAT1, TP53) activate the program's genes (the sign of
 * each edge follows the gene's loading), and decoy TFs regulate random genes with random signs. This is
 * not CollecTRI; it only has its layout.
 */
final class TfNetworkFileWriter {
    static final String[] PROGRAM_REGULATORS = {"ATF6", "IRF1", "RELA", "STAT1", "TP53"};
    static final int DECOY_TFS = 25;

    private TfNetworkFileWriter() {}

    /** Writes the network and returns its number of edges. */
    static long write(World w, Writer out) throws IOException {
        SplittableRandom r = Rand.stream(w.seed, "tf_network");
        List<World.Gene> program = new ArrayList<>();
        for (World.Gene g : w.genes) {
            if (g.module == World.P) {
                program.add(g);
            }
        }
        out.write("source\ttarget\tweight\n");
        long edges = 0;
        for (String tf : PROGRAM_REGULATORS) {
            // each regulator controls about 60% of the program genes plus a few unrelated genes
            for (World.Gene g : program) {
                if (r.nextDouble() < 0.6) {
                    out.write(tf + "\t" + g.symbol + "\t" + (g.loading >= 0 ? "1" : "-1") + "\n");
                    edges++;
                }
            }
            edges += decoyTargets(w, r, tf, 3, out);
        }
        for (int t = 1; t <= DECOY_TFS; t++) {
            edges += decoyTargets(w, r, String.format(java.util.Locale.ROOT, "TF%02d", t), 8 + r.nextInt(18), out);
        }
        return edges;
    }

    private static long decoyTargets(World w, SplittableRandom r, String tf, int n, Writer out) throws IOException {
        java.util.Set<Integer> chosen = new java.util.TreeSet<>();
        while (chosen.size() < n) {
            int i = r.nextInt(w.genes.size());
            if (w.genes.get(i).module != World.P) {
                chosen.add(i);
            }
        }
        for (int i : chosen) {
            out.write(tf + "\t" + w.genes.get(i).symbol + "\t" + (r.nextBoolean() ? "1" : "-1") + "\n");
        }
        return n;
    }
}
