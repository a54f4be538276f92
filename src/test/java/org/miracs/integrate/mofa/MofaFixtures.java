package org.miracs.integrate.mofa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the mofapy2 reference outputs copied to src/test/resources/fixtures/mofa_small (synthetic data set
 * "mofa_small": 2 views, 3 groups, 5 planted factors; mofapy2 0.7.4 runs with K = 8, seed 42, fast / medium /
 * slow convergence and without spike-slab weights; z_init_* is mofapy2's own PCA initialisation).
 */
final class MofaFixtures {
    private MofaFixtures() {
    }

    static Path dir() {
        try {
            return Path.of(MofaFixtures.class.getResource("/fixtures/mofa_small").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TSV with a header; first column = row label, the other columns numeric (or text via {@link #text}). */
    record Table(List<String> header, List<String> labels, List<String[]> cells) {
        int col(String name) {
            int i = header.indexOf(name);
            if (i < 0) throw new IllegalArgumentException("no column " + name + " in " + header);
            return i;
        }

        double num(int row, int col) {
            return Double.parseDouble(cells.get(row)[col]);
        }

        double num(int row, String col) {
            return num(row, col(col));
        }

        String text(int row, int col) {
            return cells.get(row)[col];
        }

        int rows() {
            return labels.size();
        }

        /** Numeric columns 1.. as a matrix rows x (cols-1). */
        double[][] matrix() {
            double[][] m = new double[rows()][header.size() - 1];
            for (int i = 0; i < rows(); i++)
                for (int j = 1; j < header.size(); j++) m[i][j - 1] = num(i, j);
            return m;
        }
    }

    static Table read(String rel) {
        try {
            List<String> lines = Files.readAllLines(dir().resolve(rel));
            List<String> header = List.of(lines.get(0).split("\t", -1));
            List<String> labels = new ArrayList<>();
            List<String[]> cells = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                if (l.isEmpty()) continue;
                String[] c = l.split("\t", -1);
                labels.add(c[0]);
                cells.add(c);
            }
            return new Table(header, labels, cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MofaData data() {
        return MofaManifestReader.read(dir().resolve("input/manifest.tsv"));
    }

    static final List<String> GROUPS = List.of("g1", "g2", "g3");
    static final List<String> VIEWS = List.of("rna", "protein");

    /** mofapy2's PCA initialisation of E[Z] per group (internal factor order). */
    static List<double[][]> zInit(String run) {
        List<double[][]> out = new ArrayList<>();
        for (String g : GROUPS) out.add(read(run + "/z_init_" + g + ".tsv").matrix());
        return out;
    }

    /** Saved factor k (0-based) -> internal index. */
    static int[] factorOrder(String run) {
        Table t = read(run + "/factor_order.tsv");
        int[] o = new int[t.rows()];
        for (int i = 0; i < o.length; i++) o[i] = (int) t.num(i, 1);
        return o;
    }

    /** r2 percent keyed "group/view/FactorX" and "group/view" for totals. */
    static Map<String, Double> r2(String run) {
        Map<String, Double> m = new HashMap<>();
        Table pf = read(run + "/r2_per_factor.tsv");
        for (int i = 0; i < pf.rows(); i++)
            m.put(pf.text(i, 0) + "/" + pf.text(i, 1) + "/" + pf.text(i, 2), pf.num(i, 3));
        Table tot = read(run + "/r2_total.tsv");
        for (int i = 0; i < tot.rows(); i++) m.put(tot.text(i, 0) + "/" + tot.text(i, 1), tot.num(i, 2));
        return m;
    }
}
