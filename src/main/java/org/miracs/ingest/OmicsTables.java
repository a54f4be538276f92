package org.miracs.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.posexplode;
import static org.miracs.schema.Columns.FEATURE;
import static org.miracs.schema.Columns.LINEAGE;
import static org.miracs.schema.Columns.MODEL_ID;
import static org.miracs.schema.Columns.VALUE;
import static org.miracs.schema.Columns.VIEW;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.miracs.ingest.ProteomicsLayout.ProteinRow;
import org.miracs.ingest.SampleSelection.Sample;
import org.miracs.schema.Tables;
import scala.Tuple2;

/** One view's harmonised feature annotations and long-form values, restricted to the kept lines. */
final class OmicsTables {
    // working columns: one row per line (rna) or per protein with its values as an array, exploded by position
    private static final String VALUES = "values";
    private static final String POS = "pos";
    private static final StructType VECTORS = new StructType().add(VIEW, DataTypes.StringType, false)
            .add(LINEAGE, DataTypes.StringType, false).add(MODEL_ID, DataTypes.StringType, false)
            .add(VALUES, DataTypes.createArrayType(DataTypes.DoubleType, false), false);
    private static final StructType INDEX = new StructType().add(POS, DataTypes.IntegerType, false)
            .add(FEATURE, DataTypes.StringType, false);
    private static final StructType PROTEIN_VECTORS = new StructType().add(VIEW, DataTypes.StringType, false)
            .add(FEATURE, DataTypes.StringType, false)
            .add(VALUES, DataTypes.createArrayType(DataTypes.DoubleType, false), false);
    private static final StructType SAMPLE_INDEX = new StructType().add(POS, DataTypes.IntegerType, false)
            .add(MODEL_ID, DataTypes.StringType, false).add(LINEAGE, DataTypes.StringType, false);

    private final Dataset<Row> features;
    private final Dataset<Row> values;
    private final long featureCount;
    private final long droppedFeatures;
    private final Runnable release;

    private OmicsTables(Dataset<Row> features, Dataset<Row> values, long featureCount, long droppedFeatures,
                        Runnable release) {
        this.features = features;
        this.values = values;
        this.featureCount = featureCount;
        this.droppedFeatures = droppedFeatures;
        this.release = release;
    }

    Dataset<Row> features() {
        return features;
    }

    Dataset<Row> values() {
        return values;
    }

    long featureCount() {
        return featureCount;
    }

    long droppedFeatures() {
        return droppedFeatures;
    }

    void release() {
        release.run();
    }

    /** RNA: every gene with at least one value in the kept lines (no feature selection, as the authors). */
    static OmicsTables rna(SparkSession spark, ExpressionReader expression, Broadcast<Map<String, Sample>> keep,
                           boolean defaultEntriesOnly) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<java.util.Set<String>> keepIds = jsc.broadcast(new java.util.HashSet<>(keep.value().keySet()));
        JavaPairRDD<String, double[]> rows = expression.values(keepIds, defaultEntriesOnly)
                .persist(StorageLevel.MEMORY_AND_DISK());
        int nf = expression.layout().featureCount();
        long[] observed = rows.values().treeAggregate(new long[nf], (acc, v) -> {
            for (int j = 0; j < nf; j++) {
                if (!Double.isNaN(v[j])) {
                    acc[j]++;
                }
            }
            return acc;
        }, OmicsTables::sum);
        int lines = keep.value().size();
        String[] names = expression.layout().features();
        boolean[] kept = new boolean[nf];
        List<Row> featureRows = new ArrayList<>();
        for (int j = 0; j < nf; j++) {
            kept[j] = observed[j] > 0;
            if (kept[j]) {
                featureRows.add(RowFactory.create(HarmonisedData.VIEW_RNA, names[j], ExpressionLayout.geneSymbol(names[j]),
                        ExpressionLayout.entrezId(names[j]), null, observed[j] / (double) lines));
            }
        }
        List<Row> index = new ArrayList<>();
        for (int j = 0; j < nf; j++) {
            if (kept[j]) {
                index.add(RowFactory.create(j, names[j]));
            }
        }
        JavaRDD<Row> vectors = rows.map(t -> RowFactory.create(HarmonisedData.VIEW_RNA,
                keep.value().get(t._1()).lineage(), t._1(), t._2()));
        Dataset<Row> values = spark.createDataFrame(vectors, VECTORS)
                .select(col(VIEW), col(LINEAGE), col(MODEL_ID), posexplode(col(VALUES)).as(new String[] {POS, VALUE}))
                .filter(not(isnan(col(VALUE))))
                .join(broadcast(spark.createDataFrame(index, INDEX)), POS)
                .select(VIEW, LINEAGE, MODEL_ID, FEATURE, VALUE);
        return new OmicsTables(spark.createDataFrame(featureRows, Tables.FEATURES.schema()), values,
                featureRows.size(), nf - featureRows.size(), () -> rows.unpersist(false));
    }

    /**
     * Protein: duplicated plexes resolved, proteins observed in fewer than {@code minObservedFraction}
     * of the mapped proteomics lines dropped; missing values stay missing (MOFA handles them).
     */
    static OmicsTables protein(SparkSession spark, ProteomicsReader proteomics, PlexResolution plexes,
                               List<String> mappedModelIds, List<Integer> mappedPositions,
                               Broadcast<Map<String, Sample>> keep, double minObservedFraction) {
        int[] positions = mappedPositions.stream().mapToInt(Integer::intValue).toArray();
        String[] modelIds = mappedModelIds.toArray(new String[0]);
        int lines = keep.value().size();
        JavaRDD<Tuple2<ProteinRow, double[]>> kept = proteomics.rows().map(row -> {
            double[] v = plexes.apply(row.values(), positions);
            return new Tuple2<>(row, v);
        }).filter(t -> observedFraction(t._2()) >= minObservedFraction);
        JavaRDD<Row> features = kept.map(t -> {
            int observed = 0;
            for (int k = 0; k < modelIds.length; k++) {
                if (keep.value().containsKey(modelIds[k]) && !Double.isNaN(t._2()[k])) {
                    observed++;
                }
            }
            ProteinRow p = t._1();
            return RowFactory.create(HarmonisedData.VIEW_PROTEIN, p.proteinId(), p.geneSymbol(), null, p.uniprotAcc(),
                    observed / (double) lines);
        });
        List<Row> index = new ArrayList<>();
        for (int k = 0; k < modelIds.length; k++) {
            Sample sample = keep.value().get(modelIds[k]);
            if (sample != null) {
                index.add(RowFactory.create(k, modelIds[k], sample.lineage()));
            }
        }
        JavaRDD<Row> vectors = kept.map(t -> RowFactory.create(HarmonisedData.VIEW_PROTEIN, t._1().proteinId(), t._2()));
        Dataset<Row> values = spark.createDataFrame(vectors, PROTEIN_VECTORS)
                .select(col(VIEW), col(FEATURE), posexplode(col(VALUES)).as(new String[] {POS, VALUE}))
                .filter(not(isnan(col(VALUE))))
                .join(broadcast(spark.createDataFrame(index, SAMPLE_INDEX)), POS)
                .select(VIEW, LINEAGE, MODEL_ID, FEATURE, VALUE);
        long featureCount = kept.count();
        return new OmicsTables(spark.createDataFrame(features, Tables.FEATURES.schema()), values, featureCount,
                proteomics.rowCount() - featureCount, () -> { });
    }

    static double observedFraction(double[] v) {
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                n++;
            }
        }
        return v.length == 0 ? 0 : n / (double) v.length;
    }

    private static long[] sum(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }
}
