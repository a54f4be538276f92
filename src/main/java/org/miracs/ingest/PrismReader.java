package org.miracs.ingest;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.mean;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.when;
import static org.miracs.schema.Columns.AUC;
import static org.miracs.schema.Columns.AUC_Z;
import static org.miracs.schema.Columns.BROAD_ID;
import static org.miracs.schema.Columns.DRUG_NAME;
import static org.miracs.schema.Columns.MODEL_ID;
import static org.miracs.schema.Columns.MOAS;
import static org.miracs.schema.Columns.N_CURVES;
import static org.miracs.schema.Columns.PHASE;
import static org.miracs.schema.Columns.SCREEN_ID;
import static org.miracs.schema.Columns.TARGETS;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.miracs.config.MiracsConfig;
import org.miracs.ingest.PrismLayout.Curve;
import org.miracs.io.TextFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final String BEST_RANK = "best_rank";
    private static final String STR_PASSED = "str_passed";
    private static final String AUC_MEAN = "auc_mean";
    private static final String AUC_SD = "auc_sd";

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

        Row totals = curves.agg(count(lit(1)), countDistinct(col(BROAD_ID))).first();
        qc.add("prism", "curves in file", null, totals.getLong(0), null, totals.getLong(1) + " compounds");
        Dataset<Row> usable = curves;
        if (config.requireStrPassed()) {
            usable = usable.filter(col(STR_PASSED).equalTo(true));
            qc.add("prism", "curves of STR-profiled lines", null, usable.count(), null, "passed_str_profiling == TRUE");
        }
        usable = usable.filter(col(AUC).isNotNull());
        qc.add("prism", "curves with an AUC", null, usable.count(), null, "failed fits (auc NA) dropped");
        long unmapped = usable.filter(col(MODEL_ID).isNull()).count();
        usable = usable.filter(col(MODEL_ID).isNotNull());
        qc.add("prism", "curves of lines in Model.csv", usable.select(MODEL_ID).distinct().count(), usable.count(), null,
                unmapped + " curves of lines not in Model.csv dropped");
        List<String> unknownScreens = usable.filter(col(SCREEN_RANK).isNull()).select(SCREEN_ID).distinct()
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        if (!unknownScreens.isEmpty()) {
            LOG.warn("{}: screens {} are not in prism.screen_priority; their curves are ignored", file, unknownScreens);
            usable = usable.filter(col(SCREEN_RANK).isNotNull());
        }

        Dataset<Row> best = config.screenSelection() == MiracsConfig.ScreenSelection.PER_PAIR
                ? usable.withColumn(BEST_RANK, min(col(SCREEN_RANK)).over(Window.partitionBy(MODEL_ID, BROAD_ID)))
                : usable.withColumn(BEST_RANK, min(col(SCREEN_RANK)).over(Window.partitionBy(BROAD_ID)));
        Dataset<Row> responses = best.filter(col(SCREEN_RANK).equalTo(col(BEST_RANK)))
                .groupBy(MODEL_ID, BROAD_ID, SCREEN_ID)
                .agg(avg(col(AUC)).as(AUC), count(lit(1)).cast(DataTypes.IntegerType).as(N_CURVES));
        Dataset<Row> withZ = responses
                .withColumn(AUC_MEAN, mean(col(AUC)).over(Window.partitionBy(BROAD_ID)))
                .withColumn(AUC_SD, stddev_samp(col(AUC)).over(Window.partitionBy(BROAD_ID)))
                .withColumn(AUC_Z, when(col(AUC_SD).gt(0), col(AUC).minus(col(AUC_MEAN)).divide(col(AUC_SD))))
                .select(MODEL_ID, BROAD_ID, SCREEN_ID, AUC, AUC_Z, N_CURVES)
                .cache();
        Row selected = withZ.agg(count(lit(1)), countDistinct(col(MODEL_ID)), countDistinct(col(BROAD_ID))).first();
        qc.add("prism", "AUC per (line, compound)", selected.getLong(1), selected.getLong(2), null,
                selected.getLong(0) + " pairs; screen priority " + String.join(">", config.screenPriority())
                        + " " + config.screenSelection().name().toLowerCase(java.util.Locale.ROOT)
                        + "; curves in one screen averaged");

        // min() over each field is order-independent, so annotations do not depend on partitioning
        Dataset<Row> annotations = usable.groupBy(BROAD_ID).agg(min(col(DRUG_NAME)).as(DRUG_NAME),
                min(col(MOAS)).as(MOAS), min(col(TARGETS)).as(TARGETS), min(col(PHASE)).as(PHASE));
        return new Result(withZ, annotations);
    }

    /** The ModelID of a curve: depmap_id when it is a model of Model.csv, else via the CCLE name. */
    static String modelIdOf(Curve c, ModelTable models) {
        if (c.depmapId() != null && models.contains(c.depmapId())) {
            return c.depmapId();
        }
        return c.ccleName() == null ? null : models.modelIdOfCcleName(c.ccleName());
    }
}
