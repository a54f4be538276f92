package org.miracs.enrich;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.miracs.config.MiracsConfig;
import org.miracs.correlate.Correlations;
import org.miracs.enrich.CrossLineageAssociations.Association;
import org.miracs.enrich.CrossLineageAssociations.Entry;
import org.miracs.enrich.gsea.SetCollection;
import org.miracs.ingest.HarmonisedData;
import org.miracs.pipeline.RunContext;
import org.miracs.pipeline.Stage;
import org.miracs.schema.Columns;
import org.miracs.schema.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 3: for every (lineage, factor), the compounds ranked by rho against the MoA sets
 * (harmonised {@code moa_sets}) with the GSEA of decoupler 2.0.4 ({@code enrichment.mode}: FAST by
 * default, EXACT for decoupler's numbers bit for bit, where every factor of a lineage uses the numpy
 * seed {@code enrichment.seed}, as one decoupler call per lineage does), BH within each unit; then
 * the associations that recur across lineages ({@link CrossLineageAssociations}, rule
 * {@code cross_lineage.rule}).
 *
 * <p>One decoupler call per lineage: its compounds are those with a rho for every factor of the
 * lineage (MIRACS drops compounds with a NaN), in code-point order of broad_id (which fixes the order
 * of tied rho). Units (lineage, factor) are spread over the executors by {@link DistributedGsea};
 * progress (units done / total) is logged on the driver.
 *
 * <p>Writes {@link Tables#ENRICHMENT}, {@link Tables#CROSS_LINEAGE_ASSOCIATIONS} and
 * {@code enrich/cross_lineage_associations.tsv}; puts {@link EnrichmentResults} in the context.
 */
public final class EnrichStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichStage.class);
    static final String TSV = "enrich/cross_lineage_associations.tsv";
    private final long progressMillis;

    public EnrichStage() {
        this(10_000);
    }

    /** @param progressMillis how often the driver logs units done / total */
    public EnrichStage(long progressMillis) {
        this.progressMillis = progressMillis;
    }

    @Override
    public String name() {
        return "enrich";
    }

    @Override
    public void run(RunContext ctx) throws Exception {
        SparkSession spark = ctx.spark();
        MiracsConfig.Enrichment cfg = ctx.config().enrichment();
        Correlations correlations = ctx.get(Correlations.KEY);
        HarmonisedData harmonised = ctx.get(HarmonisedData.KEY);

        String[][] sets = moaPairs(harmonised.moaSets());
        Dataset<Row> units = lineageUnits(correlations.table()).persist(StorageLevel.MEMORY_AND_DISK());
        long total = units.count();
        int partitions = partitions(spark, total);
        LOG.info("enrich: {} units (lineage x factor) against {} MoA memberships, mode {}, {} permutations, "
                + "{} partitions", total, sets.length, cfg.mode(), cfg.permutations(), partitions);
        DistributedGsea.Computed computed = DistributedGsea.runLogged(units, total, sets, cfg, partitions, progressMillis);
        Dataset<Row> results = computed.results();
        long rows = computed.rows();
        double seconds = computed.seconds();
        Dataset<Row> table = results
                .withColumn(Columns.LINEAGE, col(DistributedGsea.CALL))
                .withColumn(Columns.FACTOR, col(Columns.SAMPLE).cast("int"))
                .withColumn(Columns.SAMPLE, concat(col(DistributedGsea.CALL), lit(":Factor"), col(Columns.SAMPLE)))
                .orderBy(Columns.LINEAGE, Columns.FACTOR, Columns.SET);
        Dataset<Row> enrichment = ctx.writeTable(Tables.ENRICHMENT, table);
        results.unpersist();
        units.unpersist();

        MiracsConfig.CrossLineage rule = ctx.config().crossLineage();
        List<Entry> entries = new ArrayList<>();
        for (Row r : enrichment.select(Columns.LINEAGE, Columns.FACTOR, Columns.SET, Columns.NES, Columns.P_ADJ)
                .collectAsList()) {
            entries.add(new Entry(r.getString(0), r.getInt(1), r.getString(2), r.getDouble(3), r.getDouble(4)));
        }
        List<Association> associations = CrossLineageAssociations.compute(entries, rule);
        CrossLineageAssociations.Cutoffs cut = CrossLineageAssociations.cutoffs(entries, rule);
        Dataset<Row> cross = ctx.writeTable(Tables.CROSS_LINEAGE_ASSOCIATIONS,
                spark.createDataFrame(associationRows(associations), Tables.CROSS_LINEAGE_ASSOCIATIONS.schema()));
        ctx.output().writeText(TSV, CrossLineageAssociations.toTsv(associations,
                Tables.CROSS_LINEAGE_ASSOCIATIONS.columnNames()));
        LOG.info("enrich: {} rows from {} units in {} s; cross-lineage rule {}{}: {} associations; strongest:\n{}",
                rows, total, String.format("%.1f", seconds), rule.rule(),
                rule.rule() == MiracsConfig.CrossLineageRule.PERCENTILE
                        ? " (NES > " + cut.upper() + " or < " + cut.lower() + ")" : "",
                associations.size(), CrossLineageAssociations.summary(associations, 15));

        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("units", total);
        meta.put("rows", rows);
        meta.put("partitions", partitions);
        meta.put("mode", cfg.mode().name().toLowerCase(java.util.Locale.ROOT));
        meta.put("permutations", cfg.permutations());
        meta.put("units_seconds", Math.round(seconds * 1000) / 1000.0);
        meta.put("cross_lineage_rule", rule.rule().name().toLowerCase(java.util.Locale.ROOT));
        if (rule.rule() == MiracsConfig.CrossLineageRule.PERCENTILE) {
            meta.put("cross_lineage_upper_nes", cut.upper());
            meta.put("cross_lineage_lower_nes", cut.lower());
        }
        meta.put("cross_lineage_associations", associations.size());
        ctx.metadata().put("enrichment", meta);
        ctx.put(EnrichmentResults.KEY, new EnrichmentResults(enrichment, cross));
    }

    /** Partitions for {@code total} units: four per core (load balance), at most one per unit. */
    static int partitions(SparkSession spark, long total) {
        return (int) Math.max(1, Math.min(total, 4L * spark.sparkContext().defaultParallelism()));
    }

    /** (MoA, broad_id) pairs of harmonised moa_sets (small), in a stable order. */
    static String[][] moaPairs(Dataset<Row> moaSets) {
        List<Row> rows = moaSets.select(Columns.MOA, Columns.BROAD_ID).distinct()
                .orderBy(Columns.MOA, Columns.BROAD_ID).collectAsList();
        String[][] out = new String[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new String[] {rows.get(i).getString(0), rows.get(i).getString(1)};
        }
        return out;
    }

    /** The units of every lineage from the correlations table, grouped by lineage (rows of {@link DistributedGsea#UNIT_SCHEMA}). */
    public static Dataset<Row> lineageUnits(Dataset<Row> correlations) {
        return correlations.select(Columns.LINEAGE, Columns.FACTOR, Columns.BROAD_ID, Columns.RHO)
                .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (lineage, it) -> unitsOf(lineage, it).iterator(),
                        Encoders.row(DistributedGsea.UNIT_SCHEMA));
    }

    /** One lineage's (lineage, factor, broad_id, rho) rows as one decoupler call. */
    static List<Row> unitsOf(String lineage, Iterator<Row> rows) {
        List<Row> all = new ArrayList<>();
        TreeSet<Integer> factors = new TreeSet<>();
        TreeSet<String> drugs = new TreeSet<>(SetCollection.CODE_POINT_ORDER);
        while (rows.hasNext()) {
            Row r = rows.next();
            all.add(r);
            factors.add(r.getInt(1));
            drugs.add(r.getString(2));
        }
        Map<Integer, Integer> fIdx = new HashMap<>();
        for (Integer f : factors) {
            fIdx.put(f, fIdx.size());
        }
        Map<String, Integer> dIdx = new HashMap<>();
        for (String d : drugs) {
            dIdx.put(d, dIdx.size());
        }
        double[][] m = new double[factors.size()][drugs.size()];
        for (double[] row : m) {
            Arrays.fill(row, Double.NaN);
        }
        for (Row r : all) {
            m[fIdx.get(r.getInt(1))][dIdx.get(r.getString(2))] = r.isNullAt(3) ? Double.NaN : r.getDouble(3);
        }
        String[] samples = factors.stream().map(String::valueOf).toArray(String[]::new);
        EnrichmentCalls.Result call = EnrichmentCalls.build(lineage, samples, drugs.toArray(new String[0]), m, true);
        List<Row> out = new ArrayList<>(call.units().size());
        for (EnrichmentUnit u : call.units()) {
            out.add(DistributedGsea.toRow(u));
        }
        return out;
    }

    static List<Row> associationRows(List<Association> associations) {
        List<Row> out = new ArrayList<>(associations.size());
        for (Association a : associations) {
            out.add(RowFactory.create(a.factor(), a.moa(), a.direction(), a.nLineages(),
                    a.lineages().toArray(new String[0])));
        }
        return out;
    }
}
