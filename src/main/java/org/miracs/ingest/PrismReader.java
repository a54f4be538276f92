package org.miracs.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.miracs.schema.Columns.AUC;
import static org.miracs.schema.Columns.AUC_Z;
import static org.miracs.schema.Columns.BROAD_ID;
import static org.miracs.schema.Columns.DRUG_NAME;
import static org.miracs.schema.Columns.MOAS;
import static org.miracs.schema.Columns.MODEL_ID;
import static org.miracs.schema.Columns.N_CURVES;
import static org.miracs.schema.Columns.PHASE;
import static org.miracs.schema.Columns.SCREEN_ID;
import static org.miracs.schema.Columns.TARGETS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.miracs.config.MiracsConfig;
import org.miracs.ingest.DrugResponses.Measurement;
import org.miracs.ingest.DrugResponses.Selected;
import org.miracs.ingest.PrismLayout.Curve;
import org.miracs.io.TextFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * PRISM secondary-screen curves to one AUC per (line, compound): lines mapped to ModelIDs (depmap_id,
 * else ccle_name through Model.csv), optional STR filter, failed fits dropped, the highest-priority
 * screen chosen (per pair or per compound), curves within that screen averaged (MTS010 measured some
 * pairs in two panels), and the AUC z-scored per compound over all lines.
 */
public final class PrismReader {
    private static final Logger LOG = LoggerFactory.getLogger(PrismReader.class);
    // working columns of the parsed curves (not written)
    private static final String SCREEN_RANK = "screen_rank";
    private static final String STR_PASSED = "str_passed";

    private static final StructType CURVES = new StructType()
            .add(MODEL_ID, DataTypes.StringType, true)
            .add(BROAD_ID, DataTypes.StringType, false)
            .add(SCREEN_ID, DataTypes.StringType, false)
            .add(SCREEN_RANK, DataTypes.IntegerType, true)
            .add(AUC, DataTypes.DoubleType, true)
            .add(DRUG_NAME, DataTypes.StringType, true)
            .add(MOAS, DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add(TARGETS, DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add(PHASE, DataTypes.StringType, true)
            .add(STR_PASSED, DataTypes.BooleanType, true);

    private static final StructType RESPONSES = new StructType()
            .add(MODEL_ID, DataTypes.StringType, false)
            .add(BROAD_ID, DataTypes.StringType, false)
            .add(SCREEN_ID, DataTypes.StringType, false)
            .add(AUC, DataTypes.DoubleType, false)
            .add(AUC_Z, DataTypes.DoubleType, true)
            .add(N_CURVES, DataTypes.IntegerType, false);

    /** One AUC per (model, compound) over every mapped line, and the compound annotations. */
    public record Result(Dataset<Row> responses, Dataset<Row> annotations) {}

    private PrismReader() {}

    public static Result read(SparkSession spark, String file, ModelTable models, MiracsConfig.Prism config,
                              IngestionQc qc) {
        PrismLayout layout = PrismLayout.fromHeader(file, TextFiles.headerLine(spark, file));
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < config.screenPriority().size(); i++) {
            rank.put(config.screenPriority().get(i), i);
        }
        Broadcast<ModelTable> modelsB = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(models);
        Dataset<Row> curves = spark.createDataFrame(TextFiles.dataLines(spark, file).map(line -> {
            Curve c = layout.parse(line);
            return RowFactory.create(modelIdOf(c, modelsB.value()), c.broadId(), c.screenId(), rank.get(c.screenId()),
                    Double.isNaN(c.auc()) ? null : c.auc(), c.name(), c.moas(), c.targets(), c.phase(), c.strPassed());
        }), CURVES).cache();

        Column str = config.requireStrPassed() ? col(STR_PASSED).equalTo(true) : lit(true);
        Column withAuc = str.and(col(AUC).isNotNull());
        Column mapped = withAuc.and(col(MODEL_ID).isNotNull());
        Row counts = curves.agg(count(lit(1)), countDistinct(col(BROAD_ID)), sum(when(str, 1).otherwise(0)),
                sum(when(withAuc, 1).otherwise(0)), sum(when(mapped, 1).otherwise(0)),
                countDistinct(when(mapped, col(MODEL_ID)))).first();
        qc.add("prism", "curves in file", null, counts.getLong(0), null, counts.getLong(1) + " compounds");
        if (config.requireStrPassed()) {
            qc.add("prism", "curves of STR-profiled lines", null, counts.getLong(2), null, "passed_str_profiling == TRUE");
        }
        qc.add("prism", "curves with an AUC", null, counts.getLong(3), null, "failed fits (auc NA) dropped");
        qc.add("prism", "curves of lines in Model.csv", counts.getLong(5), counts.getLong(4), null,
                (counts.getLong(3) - counts.getLong(4)) + " curves of lines not in Model.csv dropped");
        Dataset<Row> usable = curves.filter(mapped).select(MODEL_ID, BROAD_ID, SCREEN_ID, SCREEN_RANK, AUC);
        List<String> unknownScreens = usable.filter(col(SCREEN_RANK).isNull()).select(SCREEN_ID).distinct()
                .as(Encoders.STRING()).collectAsList();
        if (!unknownScreens.isEmpty()) {
            LOG.warn("{}: screens {} are not in prism.screen_priority; their curves are ignored", file, unknownScreens);
            usable = usable.filter(col(SCREEN_RANK).isNotNull());
        }
        JavaRDD<Row> responseRows = selectAndStandardise(usable.javaRDD(), config.screenSelection(),
                spark.sparkContext().defaultParallelism());
        Dataset<Row> withZ = spark.createDataFrame(responseRows, RESPONSES).cache();
        Row selected = withZ.agg(count(lit(1)), countDistinct(col(MODEL_ID)), countDistinct(col(BROAD_ID))).first();
        qc.add("prism", "AUC per (line, compound)", selected.getLong(1), selected.getLong(2), null,
                selected.getLong(0) + " pairs; screen priority " + String.join(">", config.screenPriority())
                        + " " + config.screenSelection().name().toLowerCase(java.util.Locale.ROOT)
                        + "; curves in one screen averaged");

        // min() over each field is order-independent, so annotations do not depend on partitioning
        Dataset<Row> annotations = curves.filter(mapped).groupBy(BROAD_ID).agg(min(col(DRUG_NAME)).as(DRUG_NAME),
                min(col(MOAS)).as(MOAS), min(col(TARGETS)).as(TARGETS), min(col(PHASE)).as(PHASE)).cache();
        annotations.count();
        curves.unpersist();
        return new Result(withZ, annotations);
    }

    /**
     * Curves (model, broad, screen, rank, auc) to one AUC per (line, compound) with its z-score per
     * compound, through the pure rules of {@link DrugResponses}: grouped by key, never by partition.
     */
    static JavaRDD<Row> selectAndStandardise(JavaRDD<Row> curves, MiracsConfig.ScreenSelection selection, int partitions) {
        JavaPairRDD<Tuple2<String, String>, Measurement> byPair = curves.mapToPair(r -> new Tuple2<>(
                new Tuple2<>(r.getString(0), r.getString(1)), new Measurement(r.getInt(3), r.getString(2), r.getDouble(4))));
        Map<String, Integer> compoundRank = selection == MiracsConfig.ScreenSelection.PER_COMPOUND
                ? new HashMap<>(byPair.mapToPair(t -> new Tuple2<>(t._1()._2(), t._2().screenRank()))
                        .reduceByKey(Math::min).collectAsMap())
                : Map.of();
        return byPair.groupByKey(partitions)
                .flatMapToPair(t -> {
                    List<Measurement> ms = new ArrayList<>();
                    t._2().forEach(ms::add);
                    Selected s = DrugResponses.select(ms, compoundRank.getOrDefault(t._1()._2(), -1));
                    return s == null ? Collections.emptyIterator()
                            : List.of(new Tuple2<>(t._1()._2(), new Tuple2<>(t._1()._1(), s))).iterator();
                })
                .groupByKey(partitions)
                .flatMap(t -> {
                    List<Tuple2<String, Selected>> lines = new ArrayList<>();
                    t._2().forEach(lines::add);
                    double[] auc = new double[lines.size()];
                    for (int i = 0; i < auc.length; i++) {
                        auc[i] = lines.get(i)._2().auc();
                    }
                    double[] z = DrugResponses.zScores(auc);
                    List<Row> rows = new ArrayList<>(auc.length);
                    for (int i = 0; i < auc.length; i++) {
                        Selected s = lines.get(i)._2();
                        rows.add(RowFactory.create(lines.get(i)._1(), t._1(), s.screenId(), s.auc(),
                                Double.isNaN(z[i]) ? null : z[i], s.curves()));
                    }
                    return rows.iterator();
                });
    }

    /** The ModelID of a curve: depmap_id when it is a model of Model.csv, else via the CCLE name. */
    static String modelIdOf(Curve c, ModelTable models) {
        if (c.depmapId() != null && models.contains(c.depmapId())) {
            return c.depmapId();
        }
        return c.ccleName() == null ? null : models.modelIdOfCcleName(c.ccleName());
    }
}
