package org.miracs.interpret;

import org.miracs.io.CsvRecords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.miracs.enrich.gsea.SetCollection;

/**
 * A prior-knowledge network as decoupler takes it: signed, weighted edges {@code source -> target}
 * (pathway or transcription factor -> gene). Immutable.
 *
 * <p>Tables are read by header name: columns {@code source}, {@code target} and {@code weight}
 * (any order, case-insensitive; other columns such as PROGENy's {@code p_value} are ignored; a
 * table without a {@code weight} column gets weight 1 on every edge, as in decoupler). The
 * delimiter is a tab if the header line has one, else a comma (CSV with RFC 4180 double quotes).
 * A (source, target) pair listed twice is an error naming the file and both rows, as decoupler
 * refuses duplicated edges.
 *
 * <p>Sources are kept in Python string order (Unicode code points), the order decoupler returns
 * them in; each source's targets keep file order.
 */
public final class PriorNetwork {

    public static final String BUILTIN_PREFIX = "builtin:";
    /** PROGENy human, top 500 targets per pathway (Schubert et al. 2018, progeny 1.20.0, Apache-2.0). */
    public static final String PROGENY_HUMAN_TOP500 = BUILTIN_PREFIX + "progeny_human_top500";

    private static final Map<String, String> BUILTINS = Map.of(
        PROGENY_HUMAN_TOP500, "networks/progeny_human_top500.tsv");

    private final String name;
    private final String[] sources;
    private final String[][] targets;
    private final double[][] weights;

    private PriorNetwork(String name, String[] sources, String[][] targets, double[][] weights) {
        this.name = name;
        this.sources = sources;
        this.targets = targets;
        this.weights = weights;
    }

    /** The names {@link #load} accepts besides file paths. */
    public static Set<String> builtinNames() {
        return BUILTINS.keySet();
    }

    /** A built-in network ({@code builtin:NAME}) or a CSV/TSV file path. */
    public static PriorNetwork load(String nameOrPath) {
        if (nameOrPath.startsWith(BUILTIN_PREFIX)) {
            String resource = BUILTINS.get(nameOrPath);
            if (resource == null) {
                throw new IllegalArgumentException("unknown built-in network " + nameOrPath + "; known: "
                    + new TreeMap<>(BUILTINS).keySet());
            }
            InputStream in = PriorNetwork.class.getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("built-in network " + nameOrPath + " missing from the classpath ("
                    + resource + ")");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return parse(nameOrPath, r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read(Path.of(nameOrPath));
    }

    public static PriorNetwork read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read network " + file, e);
        }
    }

    /**
     * Parses a headed table. {@code name} is used in error messages ("file X row N", rows counted
     * from 1 with the header as row 1).
     */
    public static PriorNetwork parse(String name, Reader reader) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String header = in.readLine();
        if (header == null) {
            throw new IllegalArgumentException("network " + name + " is empty (no header)");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        char delim = header.indexOf('\t') >= 0 ? '\t' : ',';
        List<String> cols = split(header, delim);
        int src = column(cols, "source", name);
        int tgt = column(cols, "target", name);
        int wcol = -1;
        for (int c = 0; c < cols.size(); c++) {
            if (cols.get(c).trim().equalsIgnoreCase("weight")) {
                wcol = c;
            }
        }
        Builder b = new Builder(name);
        String line;
        int row = 1;
        while ((line = in.readLine()) != null) {
            row++;
            if (line.isBlank()) {
                continue;
            }
            List<String> f;
            try {
                f = split(line, delim);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("network " + name + " row " + row + ": " + e.getMessage());
            }
            int need = Math.max(src, Math.max(tgt, wcol)) + 1;
            if (f.size() < need) {
                throw new IllegalArgumentException("network " + name + " row " + row + ": " + f.size()
                    + " fields, header has " + cols.size());
            }
            double w = 1.0;
            if (wcol >= 0) {
                String ws = f.get(wcol).trim();
                try {
                    w = Double.parseDouble(ws);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("network " + name + " row " + row + ": weight '" + ws
                        + "' is not a number");
                }
            }
            b.add(f.get(src).trim(), f.get(tgt).trim(), w, row);
        }
        return b.build();
    }

    private static int column(List<String> cols, String want, String name) {
        int found = -1;
        for (int c = 0; c < cols.size(); c++) {
            if (cols.get(c).trim().equalsIgnoreCase(want)) {
                if (found >= 0) {
                    throw new IllegalArgumentException("network " + name + ": column '" + want + "' appears twice");
                }
                found = c;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("network " + name + ": no '" + want + "' column in header " + cols
                + " (need source, target and optionally weight)");
        }
        return found;
    }

    /** Splits one line: tab-separated, or CSV with RFC 4180 quotes ({@link CsvRecords}). */
    static List<String> split(String line, char delim) {
        return delim == '\t' ? List.of(line.split("\t", -1)) : List.of(CsvRecords.splitLine(line));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects edges; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final Map<String, LinkedHashMap<String, double[]>> edges = new HashMap<>();
        private final Map<String, Integer> rowOf = new HashMap<>();
        private int count;

        private Builder(String name) {
            this.name = name;
        }

        public Builder add(String source, String target, double weight) {
            return add(source, target, weight, -1);
        }

        Builder add(String source, String target, double weight, int row) {
            count++;
            String where = row > 0 ? "network " + name + " row " + row : "network " + name + " edge " + count;
            if (source == null || source.isEmpty() || target == null || target.isEmpty()) {
                throw new IllegalArgumentException(where + ": empty source or target");
            }
            if (!Double.isFinite(weight)) {
                throw new IllegalArgumentException(where + ": weight " + weight + " is not finite");
            }
            String key = source + "\u0000" + target;
            Integer first = rowOf.putIfAbsent(key, row > 0 ? row : count);
            if (first != null) {
                throw new IllegalArgumentException(where + ": duplicated (source, target) = (" + source + ", "
                    + target + "), first at " + (row > 0 ? "row " : "edge ") + first);
            }
            edges.computeIfAbsent(source, k -> new LinkedHashMap<>()).put(target, new double[] {weight});
            return this;
        }

        public PriorNetwork build() {
            TreeMap<String, LinkedHashMap<String, double[]>> sorted = new TreeMap<>(SetCollection.CODE_POINT_ORDER);
            sorted.putAll(edges);
            String[] s = sorted.keySet().toArray(new String[0]);
            String[][] t = new String[s.length][];
            double[][] w = new double[s.length][];
            int i = 0;
            for (LinkedHashMap<String, double[]> m : sorted.values()) {
                t[i] = m.keySet().toArray(new String[0]);
                w[i] = new double[t[i].length];
                int j = 0;
                for (double[] v : m.values()) {
                    w[i][j++] = v[0];
                }
                i++;
            }
            return new PriorNetwork(name, s, t, w);
        }
    }

    /** Where the network came from (file path or builtin name). */
    public String name() {
        return name;
    }

    public int sourceCount() {
        return sources.length;
    }

    public int edgeCount() {
        int n = 0;
        for (String[] t : targets) {
            n += t.length;
        }
        return n;
    }

    /** Sources in Python string order. */
    public List<String> sources() {
        return List.of(sources);
    }

    public String source(int s) {
        return sources[s];
    }

    /** Targets of source {@code s} (index into {@link #sources()}), file order. */
    public List<String> targets(int s) {
        return List.of(targets[s]);
    }

    public double weight(int s, int t) {
        return weights[s][t];
    }

    /** Index of a source, or -1. */
    public int indexOf(String source) {
        for (int s = 0; s < sources.length; s++) {
            if (sources[s].equals(source)) {
                return s;
            }
        }
        return -1;
    }

    /**
     * decoupler's {@code prune}: drop edges whose target is not among {@code features}, then drop
     * sources left with fewer than {@code tmin} targets. Returns a new network named
     * "NAME (pruned)".
     */
    public PriorNetwork prune(Collection<String> features, int tmin) {
        if (tmin < 1) {
            throw new IllegalArgumentException("tmin must be >= 1, got " + tmin);
        }
        Set<String> present = features instanceof Set<String> set ? set : new HashSet<>(features);
        List<String> ks = new ArrayList<>();
        List<String[]> kt = new ArrayList<>();
        List<double[]> kw = new ArrayList<>();
        for (int s = 0; s < sources.length; s++) {
            String[] t = new String[targets[s].length];
            double[] w = new double[t.length];
            int k = 0;
            for (int j = 0; j < t.length; j++) {
                if (present.contains(targets[s][j])) {
                    t[k] = targets[s][j];
                    w[k++] = weights[s][j];
                }
            }
            if (k >= tmin) {
                ks.add(sources[s]);
                kt.add(java.util.Arrays.copyOf(t, k));
                kw.add(java.util.Arrays.copyOf(w, k));
            }
        }
        return new PriorNetwork(name.endsWith(" (pruned)") ? name : name + " (pruned)", ks.toArray(new String[0]),
            kt.toArray(new String[0][]), kw.toArray(new double[0][]));
    }

    /**
     * The features x sources weight matrix (decoupler's {@code adjmat}): row i is
     * {@code features[i]}, column s is source s; 0 where a feature is no target of the source.
     * Targets that are not among the features are ignored.
     */
    public double[][] adjacency(String[] features) {
        Map<String, Integer> index = new HashMap<>(features.length * 2);
        for (int i = 0; i < features.length; i++) {
            index.put(features[i], i);
        }
        double[][] a = new double[features.length][sources.length];
        for (int s = 0; s < sources.length; s++) {
            for (int j = 0; j < targets[s].length; j++) {
                Integer i = index.get(targets[s][j]);
                if (i != null) {
                    a[i][s] = weights[s][j];
                }
            }
        }
        return a;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PriorNetwork[%s, %d sources, %d edges]", name, sources.length,
            edgeCount());
    }
}
