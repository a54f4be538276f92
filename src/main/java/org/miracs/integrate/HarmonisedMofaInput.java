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

        Broadcast<Map<String, Integer>> sampleIndexB = jsc.broadcast(sampleIndex);
        Map<Tuple2<String, String>, double[]> vectors = data.omics().select(VIEW, FEATURE, MODEL_ID, "value").javaRDD()
                .mapToPair(r -> new Tuple2<>(new Tuple2<>(r.getString(0), r.getString(1)),
                        new Tuple2<>(sampleIndexB.value().get(r.getString(2)), r.getDouble(3))))
                .aggregateByKey(nanVector(n), (v, sv) -> {
                    v[sv._1()] = sv._2();
                    return v;
                }, (a, b) -> {
                    for (int i = 0; i < a.length; i++) {
                        if (Double.isNaN(a[i])) {
                            a[i] = b[i];
                        }
                    }
                    return a;
                })
                .collectAsMap();

        double[][][] blocks = new double[views.size()][groups.size()][];
        for (int m = 0; m < views.size(); m++) {
            List<String> features = featureNames.get(m);
            for (int g = 0; g < groups.size(); g++) {
                int ng = groupStart[g + 1] - groupStart[g];
                double[] block = new double[features.size() * ng];
                for (int d = 0; d < features.size(); d++) {
                    double[] v = vectors.get(new Tuple2<>(views.get(m), features.get(d)));
                    if (v == null) {
                        Arrays.fill(block, d * ng, (d + 1) * ng, Double.NaN);
                    } else {
                        System.arraycopy(v, groupStart[g], block, d * ng, ng);
                    }
                }
                blocks[m][g] = block;
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

    private static double[] nanVector(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }
}
