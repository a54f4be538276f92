package org.miracs.report;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.miracs.enrich.CrossLineageAssociations;
import org.miracs.pipeline.RunOutput;
import org.miracs.report.svg.BoxStats;
import org.miracs.schema.Columns;
import org.miracs.schema.TableDef;
import org.miracs.schema.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the report shows, read from a results folder's Parquet tables and run.json into small
 * driver-side records. Large tables are summarised in Spark (the correlations become one box per
 * lineage); only the selected factor's pathway activity and the selected (factor, MoA, drug) rows of
 * the interpretation tables are collected. A table that is absent gives an empty list and is listed
 * in {@link #missing()}, so old runs (no interpret tables) still render.
 *
 * @param base          results folder (a finished run, or a run's staging folder)
 * @param run           run.json as a map (empty when there is none)
 * @param present       tables found under {@code base}
 * @param selection     the factor, MoA and drug that phase 4 looks at (null when nothing to select)
 */
public record ReportData(String base, Map<String, Object> run, Set<TableDef> present, List<QcStep> qc,
                         List<Variance> variance, List<VarianceTotal> varianceTotal, List<RhoBox> correlations,
                         List<Association> crossLineage, Selection selection, List<TopFeature> topFeatures,
                         List<Activity> pathwayActivity, List<ForestRow> forest, List<SensitivityLine> sensitivityLines,
                         List<SensitivityTest> sensitivityTests) {
    private static final Logger LOG = LoggerFactory.getLogger(ReportData.class);

    /** Tables the report reads, in report order. */
    public static final List<TableDef> READ = List.of(Tables.INGESTION_QC, Tables.VARIANCE_EXPLAINED,
            Tables.VARIANCE_EXPLAINED_TOTAL, Tables.CORRELATIONS, Tables.CROSS_LINEAGE_ASSOCIATIONS, Tables.DRUGS,
            Tables.TOP_FEATURES, Tables.PATHWAY_ACTIVITY, Tables.FOREST, Tables.SENSITIVITY_LINES, Tables.SENSITIVITY_TESTS);

    public record QcStep(int index, String step, String dataset, Long lines, Long features, Long lineages, String detail) {}

    public record Variance(String group, String view, int factor, double r2Percent) {}

    public record VarianceTotal(String group, String view, double r2Percent) {}

    /** Distribution of one lineage's factor-drug Spearman rho. */
    public record RhoBox(String lineage, BoxStats box, double meanAbs, double maxAbs) {}

    public record Association(int factor, String moa, String direction, int nLineages, List<String> lineages) {}

    /** What phase 4 looks at; {@code source} says where it came from (interpret tables, run.json or derived). */
    public record Selection(int factor, String moa, String broadId, String drugName, String source) {}

    public record TopFeature(String view, int factor, int rank, String feature, String geneSymbol, double weight) {}

    public record Activity(String network, String view, int factor, String method, String source, double score,
                           double pValue, double pAdj) {}

    public record ForestRow(String broadId, String drugName, String lineage, int n, double r, double ciLower,
                            double ciUpper, double pValue) {}

    public record SensitivityLine(String lineage, String modelId, String responseGroup, double auc, double factorValue) {}

    public record SensitivityTest(String lineage, int nSensitive, int nResistant, String test, double pValue,
                                  double mannWhitneyP) {}

    public boolean has(TableDef table) {
        return present.contains(table);
    }

    /** Tables of {@link #READ} that this results folder does not have. */
    public List<TableDef> missing() {
        return READ.stream().filter(t -> !present.contains(t)).toList();
    }

    /** Reads {@code base}/run.json and the tables. */
    public static ReportData load(SparkSession spark, String base) throws IOException {
        return load(spark, base, null);
    }

    /**
     * Reads the tables under {@code base}; {@code runJson} replaces base/run.json (the report stage of a
     * run that has not written its run.json yet passes the metadata so far).
     */
    public static ReportData load(SparkSession spark, String base, String runJson) throws IOException {
        Path basePath = new Path(base);
        FileSystem fs = basePath.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (runJson == null) {
            Path file = new Path(basePath, RunOutput.METADATA_FILE);
            if (fs.exists(file)) {
                try (InputStream in = fs.open(file)) {
                    runJson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        Map<String, Object> run = runJson == null ? Map.of()
                : new ObjectMapper().readValue(runJson, new TypeReference<LinkedHashMap<String, Object>>() {});
        Set<TableDef> present = new LinkedHashSet<>();
        for (TableDef t : READ) {
            Path dir = new Path(basePath, t.path());
            if (fs.exists(dir) && fs.getFileStatus(dir).isDirectory()) {
                present.add(t);
            }
        }
        Reader r = new Reader(spark, base, present);
        List<Association> cross = r.crossLineage();
        Selection selection = r.selection(run, cross);
        LOG.info("report data from {}: {} of {} tables present; selection {}", base, present.size(), READ.size(), selection);
        return new ReportData(base, run, Set.copyOf(present), r.qc(), r.variance(), r.varianceTotal(), r.correlations(),
                cross, selection, r.topFeatures(selection), r.activity(selection), r.forest(selection),
                r.sensitivityLines(selection), r.sensitivityTests(selection));
    }

    /** Reads one table each; absent tables give empty lists. */
    private record Reader(SparkSession spark, String base, Set<TableDef> present) {
        Dataset<Row> table(TableDef t) {
            return spark.read().parquet(new Path(new Path(base), t.path()).toString());
        }

        List<Row> rows(TableDef t, java.util.function.UnaryOperator<Dataset<Row>> query) {
            if (!present.contains(t)) {
                return List.of();
            }
            return query.apply(table(t)).collectAsList();
        }

        List<QcStep> qc() {
            List<QcStep> out = new ArrayList<>();
            for (Row row : rows(Tables.INGESTION_QC, d -> d.orderBy(Columns.STEP_INDEX))) {
                out.add(new QcStep(row.getAs(Columns.STEP_INDEX), row.getAs(Columns.STEP), row.getAs(Columns.DATASET),
                        row.getAs(Columns.LINE_COUNT), row.getAs(Columns.FEATURE_COUNT), row.getAs(Columns.LINEAGE_COUNT),
                        row.getAs(Columns.DETAIL)));
            }
            return out;
        }

        List<Variance> variance() {
            List<Variance> out = new ArrayList<>();
            for (Row row : rows(Tables.VARIANCE_EXPLAINED, d -> d.orderBy(Columns.VIEW, Columns.GROUP, Columns.FACTOR))) {
                out.add(new Variance(row.getAs(Columns.GROUP), row.getAs(Columns.VIEW), row.<Integer>getAs(Columns.FACTOR),
                        row.<Double>getAs(Columns.R2_PERCENT)));
            }
            return out;
        }

        List<VarianceTotal> varianceTotal() {
            List<VarianceTotal> out = new ArrayList<>();
            for (Row row : rows(Tables.VARIANCE_EXPLAINED_TOTAL, d -> d.orderBy(Columns.GROUP, Columns.VIEW))) {
                out.add(new VarianceTotal(row.getAs(Columns.GROUP), row.getAs(Columns.VIEW), row.<Double>getAs(Columns.R2_PERCENT)));
            }
            return out;
        }

        /** Box statistics of rho per lineage, computed in Spark (exact quartiles, Tukey whiskers). */
        List<RhoBox> correlations() {
            if (!present.contains(Tables.CORRELATIONS)) {
                return List.of();
            }
            String rho = Columns.RHO;
            Dataset<Row> d = table(Tables.CORRELATIONS).select(col(Columns.LINEAGE), col(rho));
            Dataset<Row> quart = d.groupBy(Columns.LINEAGE).agg(
                    expr("percentile(`" + rho + "`, array(0.25, 0.5, 0.75))").as("q"),
                    count(lit(1)).as("n_rows"), avg(abs(col(rho))).as("mean_abs"), max(abs(col(rho))).as("max_abs"))
                    .withColumn("q1", expr("q[0]")).withColumn("med", expr("q[1]")).withColumn("q3", expr("q[2]"))
                    .withColumn("lo_fence", expr("q1 - 1.5 * (q3 - q1)")).withColumn("hi_fence", expr("q3 + 1.5 * (q3 - q1)"));
            Dataset<Row> joined = d.join(quart, Columns.LINEAGE).groupBy(Columns.LINEAGE, "q1", "med", "q3", "n_rows",
                    "mean_abs", "max_abs").agg(
                    min(when(col(rho).geq(col("lo_fence")), col(rho))).as("lo"),
                    max(when(col(rho).leq(col("hi_fence")), col(rho))).as("hi")).orderBy(Columns.LINEAGE);
            List<RhoBox> out = new ArrayList<>();
            for (Row row : joined.collectAsList()) {
                BoxStats box = new BoxStats(row.<Long>getAs("n_rows"), row.<Double>getAs("lo"), row.<Double>getAs("q1"),
                        row.<Double>getAs("med"), row.<Double>getAs("q3"), row.<Double>getAs("hi"));
                out.add(new RhoBox(row.getAs(Columns.LINEAGE), box, row.<Double>getAs("mean_abs"), row.<Double>getAs("max_abs")));
            }
            return out;
        }

        List<Association> crossLineage() {
            List<Association> out = new ArrayList<>();
            for (Row row : rows(Tables.CROSS_LINEAGE_ASSOCIATIONS, d -> d)) {
                out.add(new Association(row.<Integer>getAs(Columns.FACTOR), row.getAs(Columns.MOA), row.getAs(Columns.DIRECTION),
                        row.<Integer>getAs(Columns.N_LINEAGES), List.copyOf(row.<String>getList(row.fieldIndex(Columns.LINEAGE_LIST)))));
            }
            out.sort(Comparator.comparing((Association a) -> !CrossLineageAssociations.RESISTANCE.equals(a.direction()))
                    .thenComparing(Comparator.comparingInt(Association::nLineages).reversed())
                    .thenComparingInt(Association::factor).thenComparing(Association::moa));
            return out;
        }

        /**
         * The phase 4 selection: from the interpret tables when present (what was actually computed),
         * else run.json's "interpretation" object, else the strongest cross-lineage resistance association.
         */
        Selection selection(Map<String, Object> run, List<Association> cross) {
            Integer factor = null;
            String moa = null;
            String broadId = null;
            String drugName = null;
            String source = null;
            List<Row> f = rows(Tables.FOREST, d -> d.select(Columns.FACTOR, Columns.MOA).limit(1));
            if (!f.isEmpty()) {
                factor = f.get(0).getInt(0);
                moa = f.get(0).getString(1);
                source = "interpret tables";
            }
            List<Row> s = rows(Tables.SENSITIVITY_LINES, d -> d.select(Columns.FACTOR, Columns.BROAD_ID).limit(1));
            if (s.isEmpty()) {
                s = rows(Tables.SENSITIVITY_TESTS, d -> d.select(Columns.FACTOR, Columns.BROAD_ID).limit(1));
            }
            if (!s.isEmpty()) {
                factor = factor == null ? Integer.valueOf(s.get(0).getInt(0)) : factor;
                broadId = s.get(0).getString(1);
                source = "interpret tables";
            }
            if (run.get("interpretation") instanceof Map<?, ?> sel) {
                factor = factor != null ? factor : intOrNull(sel.get(Columns.FACTOR));
                moa = moa != null ? moa : stringOrNull(sel.get(Columns.MOA));
                broadId = broadId != null ? broadId : stringOrNull(sel.get(Columns.BROAD_ID));
                drugName = stringOrNull(sel.get(Columns.COMPOUND_NAME));
                source = source != null ? source : "run.json";
            }
            if (factor == null) {
                Association best = cross.stream().filter(a -> CrossLineageAssociations.RESISTANCE.equals(a.direction()))
                        .findFirst().orElse(null);
                if (best == null) {
                    return null;
                }
                factor = best.factor();
                moa = best.moa();
                source = "strongest cross-lineage resistance association (no interpretation in this run)";
            }
            if (drugName == null && broadId != null) {
                String id = broadId;
                List<Row> names = rows(Tables.DRUGS, d -> d.filter(col(Columns.BROAD_ID).equalTo(id)).select(Columns.DRUG_NAME));
                drugName = names.isEmpty() ? null : names.get(0).getString(0);
            }
            return new Selection(factor, moa, broadId, drugName, source);
        }

        List<TopFeature> topFeatures(Selection sel) {
            if (sel == null) {
                return List.of();
            }
            List<TopFeature> out = new ArrayList<>();
            for (Row row : rows(Tables.TOP_FEATURES, d -> d.filter(col(Columns.FACTOR).equalTo(sel.factor()))
                    .orderBy(Columns.VIEW, Columns.RANK))) {
                out.add(new TopFeature(row.getAs(Columns.VIEW), row.<Integer>getAs(Columns.FACTOR), row.<Integer>getAs(Columns.RANK),
                        row.getAs(Columns.FEATURE), row.getAs(Columns.GENE_SYMBOL), row.<Double>getAs(Columns.WEIGHT)));
            }
            return out;
        }

        List<Activity> activity(Selection sel) {
            if (sel == null) {
                return List.of();
            }
            List<Activity> out = new ArrayList<>();
            for (Row row : rows(Tables.PATHWAY_ACTIVITY, d -> d.filter(col(Columns.FACTOR).equalTo(sel.factor()))
                    .orderBy(Columns.NETWORK, Columns.VIEW, Columns.METHOD, Columns.SOURCE))) {
                out.add(new Activity(row.getAs(Columns.NETWORK), row.getAs(Columns.VIEW), row.<Integer>getAs(Columns.FACTOR),
                        row.getAs(Columns.METHOD), row.getAs(Columns.SOURCE), row.<Double>getAs(Columns.SCORE),
                        row.<Double>getAs(Columns.P_VALUE), row.<Double>getAs(Columns.P_ADJ)));
            }
            return out;
        }

        List<ForestRow> forest(Selection sel) {
            if (sel == null) {
                return List.of();
            }
            List<ForestRow> out = new ArrayList<>();
            for (Row row : rows(Tables.FOREST, d -> d.filter(col(Columns.FACTOR).equalTo(sel.factor()))
                    .orderBy(Columns.COMPOUND_NAME, Columns.BROAD_ID, Columns.LINEAGE))) {
                out.add(new ForestRow(row.getAs(Columns.BROAD_ID), row.getAs(Columns.COMPOUND_NAME), row.getAs(Columns.LINEAGE),
                        row.<Integer>getAs(Columns.N), row.<Double>getAs(Columns.R), row.<Double>getAs(Columns.CI_LOWER),
                        row.<Double>getAs(Columns.CI_UPPER), row.<Double>getAs(Columns.P_VALUE)));
            }
            return out;
        }

        List<SensitivityLine> sensitivityLines(Selection sel) {
            if (sel == null) {
                return List.of();
            }
            List<SensitivityLine> out = new ArrayList<>();
            for (Row row : rows(Tables.SENSITIVITY_LINES, d -> d.filter(col(Columns.FACTOR).equalTo(sel.factor()))
                    .orderBy(Columns.LINEAGE, Columns.RESPONSE_GROUP, Columns.MODEL_ID))) {
                out.add(new SensitivityLine(row.getAs(Columns.LINEAGE), row.getAs(Columns.MODEL_ID),
                        row.getAs(Columns.RESPONSE_GROUP), row.<Double>getAs(Columns.AUC), row.<Double>getAs(Columns.FACTOR_VALUE)));
            }
            return out;
        }

        List<SensitivityTest> sensitivityTests(Selection sel) {
            if (sel == null) {
                return List.of();
            }
            List<SensitivityTest> out = new ArrayList<>();
            for (Row row : rows(Tables.SENSITIVITY_TESTS, d -> d.filter(col(Columns.FACTOR).equalTo(sel.factor()))
                    .orderBy(Columns.LINEAGE))) {
                out.add(new SensitivityTest(row.getAs(Columns.LINEAGE), row.<Integer>getAs(Columns.N_SENSITIVE),
                        row.<Integer>getAs(Columns.N_RESISTANT), row.getAs(Columns.TEST), row.<Double>getAs(Columns.P_VALUE),
                        row.<Double>getAs(Columns.MANN_WHITNEY_P)));
            }
            return out;
        }
    }

    private static Integer intOrNull(Object o) {
        if (o instanceof Number n) {
            return n.intValue();
        }
        if (o instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String stringOrNull(Object o) {
        return o == null ? null : o.toString();
    }
}
