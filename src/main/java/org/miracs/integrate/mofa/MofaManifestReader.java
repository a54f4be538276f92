package org.miracs.integrate.mofa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a MOFA input manifest: a TSV with header {@code view  group  file}, one row per (view, group)
 * block, {@code file} relative to the manifest's directory (or absolute). Each block file is a TSV with
 * features as rows and samples as columns, first header cell {@code feature}; missing values are
 * {@code NaN} (also accepted: {@code nan}, {@code NA}, empty).
 *
 * <p>Views and groups are numbered in order of first appearance in the manifest. Within a group the samples
 * are the union over views (first appearance order); within a view the features are the union over groups.
 * Combinations that do not occur are missing (NaN), so a sample measured in only one view is allowed.
 */
public final class MofaManifestReader {

    private MofaManifestReader() {
    }

    public static MofaData read(Path manifest) {
        try {
            return readChecked(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Entry(String view, String group, Path file) {
    }

    private record Table(List<String> features, List<String> samples, double[] values) {
    }

    private static MofaData readChecked(Path manifest) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Path dir = manifest.toAbsolutePath().getParent();
        try (BufferedReader r = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) throw new IllegalArgumentException("empty manifest " + manifest);
            String[] h = split(header);
            int iv = indexOf(h, "view", manifest), ig = indexOf(h, "group", manifest), ifl = indexOf(h, "file", manifest);
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                String[] c = split(line);
                Path f = Path.of(c[ifl].trim());
                entries.add(new Entry(c[iv].trim(), c[ig].trim(), f.isAbsolute() ? f : dir.resolve(f)));
            }
        }
        if (entries.isEmpty()) throw new IllegalArgumentException("manifest has no blocks: " + manifest);

        List<String> views = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        Map<String, LinkedHashMap<String, Integer>> featuresByView = new LinkedHashMap<>();
        Map<String, LinkedHashMap<String, Integer>> samplesByGroup = new LinkedHashMap<>();
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Entry e : entries) {
            String key = e.view + "\u0000" + e.group;
            if (tables.containsKey(key))
                throw new IllegalArgumentException("duplicated block (" + e.view + ", " + e.group + ")");
            if (!views.contains(e.view)) views.add(e.view);
            if (!groups.contains(e.group)) groups.add(e.group);
            Table t = readTable(e.file);
            tables.put(key, t);
            LinkedHashMap<String, Integer> fm = featuresByView.computeIfAbsent(e.view, k -> new LinkedHashMap<>());
            for (String f : t.features) fm.putIfAbsent(f, fm.size());
            LinkedHashMap<String, Integer> sm = samplesByGroup.computeIfAbsent(e.group, k -> new LinkedHashMap<>());
            for (String s : t.samples) sm.putIfAbsent(s, sm.size());
        }

        int M = views.size(), G = groups.size();
        double[][][] blocks = new double[M][G][];
        List<List<String>> featureNames = new ArrayList<>();
        List<List<String>> sampleNames = new ArrayList<>();
        for (String v : views) featureNames.add(new ArrayList<>(featuresByView.get(v).keySet()));
        for (String g : groups) sampleNames.add(new ArrayList<>(samplesByGroup.get(g).keySet()));
        for (int m = 0; m < M; m++) {
            LinkedHashMap<String, Integer> fIdx = featuresByView.get(views.get(m));
            for (int g = 0; g < G; g++) {
                LinkedHashMap<String, Integer> sIdx = samplesByGroup.get(groups.get(g));
                int D = fIdx.size(), N = sIdx.size();
                double[] b = new double[D * N];
                Arrays.fill(b, Double.NaN);
                Table t = tables.get(views.get(m) + "\u0000" + groups.get(g));
                if (t != null) {
                    int[] cols = new int[t.samples.size()];
                    for (int j = 0; j < cols.length; j++) cols[j] = sIdx.get(t.samples.get(j));
                    for (int i = 0; i < t.features.size(); i++) {
                        int d = fIdx.get(t.features.get(i));
                        int src = i * cols.length;
                        for (int j = 0; j < cols.length; j++) b[d * N + cols[j]] = t.values[src + j];
                    }
                }
                blocks[m][g] = b;
            }
        }
        return MofaData.gaussian(views, groups, featureNames, sampleNames, blocks);
    }

    private static Table readTable(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) throw new IllegalArgumentException("empty block file " + file);
            String[] h = split(header);
            List<String> samples = new ArrayList<>(h.length - 1);
            for (int j = 1; j < h.length; j++) samples.add(h[j].trim());
            if (new java.util.HashSet<>(samples).size() != samples.size())
                throw new IllegalArgumentException("duplicated sample names in " + file);
            List<String> features = new ArrayList<>();
            double[] values = new double[1024];
            int n = 0;
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) continue;
                String[] c = split(line);
                if (c.length != h.length)
                    throw new IllegalArgumentException(file + ":" + lineNo + ": expected " + h.length
                            + " columns, found " + c.length);
                features.add(c[0].trim());
                if (n + samples.size() > values.length)
                    values = Arrays.copyOf(values, Math.max(values.length * 2, n + samples.size()));
                for (int j = 1; j < c.length; j++) values[n++] = parse(c[j], file, lineNo);
            }
            if (new java.util.HashSet<>(features).size() != features.size())
                throw new IllegalArgumentException("duplicated feature names in " + file);
            return new Table(features, samples, Arrays.copyOf(values, n));
        }
    }

    static double parse(String s, Path file, int lineNo) {
        String t = s.trim();
        if (t.isEmpty()) return Double.NaN;
        String l = t.toLowerCase(Locale.ROOT);
        if (l.equals("nan") || l.equals("na")) return Double.NaN;
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": not a number: '" + s + "'");
        }
    }

    private static String[] split(String line) {
        if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
        return line.split("\t", -1);
    }

    private static int indexOf(String[] header, String name, Path file) {
        for (int i = 0; i < header.length; i++) if (header[i].trim().equalsIgnoreCase(name)) return i;
        throw new IllegalArgumentException(file + ": missing column '" + name + "'");
    }
}
