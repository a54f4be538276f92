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
import scala.Tuple2;

/**
 * The harmonised omics as MOFA input: views rna and protein, groups = lineages (sorted), samples =
 * ModelIDs (sorted within their lineage), features sorted within each view. Values are gathered on
 * the executors into one vector per feature and assembled into (view, group) blocks on the driver.
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

        // per feature, the observed (sample index, value) pairs: sparse, so a map partition holding a few
        // lines of every feature ships what it holds, not one N-long vector per feature
        Broadcast<Map<String, Integer>> sampleIndexB = jsc.broadcast(sampleIndex);
        Map<Tuple2<String, String>, ObservedValues> vectors = data.omics().select(VIEW, FEATURE, MODEL_ID, "value").javaRDD()
                .mapToPair(r -> new Tuple2<>(new Tuple2<>(r.getString(0), r.getString(1)),
                        new Tuple2<>(sampleIndexB.value().get(r.getString(2)), r.getDouble(3))))
                .aggregateByKey(new ObservedValues(), ObservedValues::add, ObservedValues::addAll)
                .collectAsMap();

        double[][][] blocks = new double[views.size()][groups.size()][];
        for (int m = 0; m < views.size(); m++) {
            List<String> features = featureNames.get(m);
            for (int g = 0; g < groups.size(); g++) {
                int ng = groupStart[g + 1] - groupStart[g];
                double[] block = new double[features.size() * ng];
                Arrays.fill(block, Double.NaN);
                blocks[m][g] = block;
            }
            for (int d = 0; d < features.size(); d++) {
                ObservedValues v = vectors.get(new Tuple2<>(views.get(m), features.get(d)));
                if (v == null) {
                    continue;
                }
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

    /** Observed values of one feature: (global sample index, value) pairs in a growable pair of arrays. */
    static final class ObservedValues implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        int[] samples = new int[8];
        double[] values = new double[8];
        int size;

        ObservedValues add(Tuple2<Integer, Double> sampleValue) {
            ensureCapacity(size + 1);
            samples[size] = sampleValue._1();
            values[size] = sampleValue._2();
            size++;
            return this;
        }

        ObservedValues addAll(ObservedValues other) {
            ensureCapacity(size + other.size);
            System.arraycopy(other.samples, 0, samples, size, other.size);
            System.arraycopy(other.values, 0, values, size, other.size);
            size += other.size;
            return this;
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
