package org.miracs.integrate;

import static org.miracs.schema.Columns.FEATURE;
import static org.miracs.schema.Columns.LINEAGE;
import static org.miracs.schema.Columns.MODEL_ID;
import static org.miracs.schema.Columns.VIEW;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.miracs.ingest.HarmonisedData;
import org.miracs.integrate.mofa.MofaData;

/**
 * The harmonised omics as MOFA input: views rna and protein, groups = lineages (sorted), samples =
 * ModelIDs (sorted within their lineage), features sorted within each view. Each task gathers the
 * values of its rows per feature; the driver places them into the (view, group) blocks.
 */
public final class HarmonisedMofaInput {
    private HarmonisedMofaInput() {}

    public static MofaData build(JavaSparkContext jsc, HarmonisedData data) {
        // samples in group-major order: their global index
        Map<String, List<String>> samplesByGroup = new TreeMap<>();
        for (Row r : data.samples().select(LINEAGE, MODEL_ID).collectAsList()) {
            samplesByGroup.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
        }
        List<String> groups = new ArrayList<>(samplesByGroup.keySet());
        List<List<String>> sampleNames = new ArrayList<>();
        Map<String, Integer> sampleIndex = new HashMap<>();
        int[] groupStart = new int[groups.size() + 1];
        for (int g = 0; g < groups.size(); g++) {
            List<String> s = samplesByGroup.get(groups.get(g));
            s.sort(null);
            sampleNames.add(s);
            groupStart[g + 1] = groupStart[g] + s.size();
            for (int i = 0; i < s.size(); i++) {
                sampleIndex.put(s.get(i), groupStart[g] + i);
            }
        }
        int n = groupStart[groups.size()];

        Map<String, List<String>> featuresByView = new TreeMap<>(viewOrder());
        for (Row r : data.features().select(VIEW, FEATURE).collectAsList()) {
            featuresByView.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
        }
        List<String> views = new ArrayList<>(featuresByView.keySet());
        List<List<String>> featureNames = new ArrayList<>();
        for (String v : views) {
            List<String> f = featuresByView.get(v);
            f.sort(null);
            featureNames.add(f);
        }

        // global column of every (view, feature): views in order, features sorted within their view
        Map<String, Map<String, Integer>> columnIndex = new HashMap<>();
        int columns = 0;
        int[] viewOfColumn = new int[featureNames.stream().mapToInt(List::size).sum()];
        int[] featureOfColumn = new int[viewOfColumn.length];
        for (int m = 0; m < views.size(); m++) {
            Map<String, Integer> byFeature = new HashMap<>();
            for (int d = 0; d < featureNames.get(m).size(); d++, columns++) {
                byFeature.put(featureNames.get(m).get(d), columns);
                viewOfColumn[columns] = m;
                featureOfColumn[columns] = d;
            }
            columnIndex.put(views.get(m), byFeature);
        }

        // Each task gathers its rows into (sample, value) pairs per column, without a shuffle; the driver
        // writes every pair to its place in the blocks, so the order the tasks finish in does not matter.
        Broadcast<Map<String, Integer>> sampleIndexB = jsc.broadcast(sampleIndex);
        Broadcast<Map<String, Map<String, Integer>>> columnIndexB = jsc.broadcast(columnIndex);
        final int numColumns = columns;
        List<ObservedValues[]> partials = data.omics().select(VIEW, FEATURE, MODEL_ID, "value").javaRDD()
                .mapPartitions(rows -> {
                    Map<String, Integer> samples = sampleIndexB.value();
                    Map<String, Map<String, Integer>> columnsOf = columnIndexB.value();
                    ObservedValues[] byColumn = new ObservedValues[numColumns];
                    while (rows.hasNext()) {
                        Row r = rows.next();
                        Map<String, Integer> ofView = columnsOf.get(r.getString(0));
                        Integer column = ofView == null ? null : ofView.get(r.getString(1));
                        if (column == null) {
                            throw new IllegalStateException("harmonised omics value of " + r.getString(0) + " feature "
                                    + r.getString(1) + " that is not in the harmonised features table");
                        }
                        ObservedValues v = byColumn[column];
                        if (v == null) {
                            v = byColumn[column] = new ObservedValues();
                        }
                        v.add(samples.get(r.getString(2)), r.getDouble(3));
                    }
                    for (ObservedValues v : byColumn) {
                        if (v != null) {
                            v.trim(); // serialisation would ship the spare capacity too
                        }
                    }
                    return java.util.Collections.singletonList(byColumn).iterator();
                })
                .collect();

        double[][][] blocks = new double[views.size()][groups.size()][];
        for (int m = 0; m < views.size(); m++) {
            for (int g = 0; g < groups.size(); g++) {
                int ng = groupStart[g + 1] - groupStart[g];
                double[] block = new double[featureNames.get(m).size() * ng];
                Arrays.fill(block, Double.NaN);
                blocks[m][g] = block;
            }
        }
        for (ObservedValues[] byColumn : partials) {
            for (int c = 0; c < numColumns; c++) {
                ObservedValues v = byColumn[c];
                if (v == null) {
                    continue;
                }
                int m = viewOfColumn[c];
                int d = featureOfColumn[c];
                for (int j = 0; j < v.size; j++) {
                    int sample = v.samples[j];
                    int g = groupOf(groupStart, sample);
                    int ng = groupStart[g + 1] - groupStart[g];
                    blocks[m][g][d * ng + sample - groupStart[g]] = v.values[j];
                }
            }
        }
        return MofaData.gaussian(views, groups, featureNames, sampleNames, blocks);
    }

    /** rna before protein, then any other view by name. */
    private static java.util.Comparator<String> viewOrder() {
        List<String> known = List.of(HarmonisedData.VIEW_RNA, HarmonisedData.VIEW_PROTEIN);
        return java.util.Comparator.<String>comparingInt(v -> known.contains(v) ? known.indexOf(v) : known.size())
                .thenComparing(v -> v);
    }

    /** The group whose sample range [groupStart[g], groupStart[g + 1]) holds {@code sample}. */
    private static int groupOf(int[] groupStart, int sample) {
        int at = Arrays.binarySearch(groupStart, sample);
        if (at < 0) {
            return -at - 2;
        }
        // a group starts here; skip empty groups that start at the same index
        while (at + 1 < groupStart.length && groupStart[at + 1] == sample) {
            at++;
        }
        return at;
    }

    /** Observed values of one feature in one task: (global sample index, value) pairs, growable. */
    static final class ObservedValues implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        int[] samples = new int[8];
        double[] values = new double[8];
        int size;

        void add(int sample, double value) {
            ensureCapacity(size + 1);
            samples[size] = sample;
            values[size] = value;
            size++;
        }

        void trim() {
            samples = Arrays.copyOf(samples, size);
            values = Arrays.copyOf(values, size);
        }

        private void ensureCapacity(int needed) {
            if (needed > samples.length) {
                int capacity = Math.max(needed, 2 * samples.length);
                samples = Arrays.copyOf(samples, capacity);
                values = Arrays.copyOf(values, capacity);
            }
        }
    }
}
