package org.miracs.correlate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.miracs.config.MiracsConfig;
import org.miracs.enrich.gsea.SetCollection;
import org.miracs.ingest.HarmonisedData;
import org.miracs.integrate.MofaOutputs;
import org.miracs.pipeline.RunContext;
import org.miracs.pipeline.Stage;
import org.miracs.schema.Columns;
import org.miracs.schema.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 2: per lineage, the Spearman correlation of every MOFA factor with every compound's AUC over
 * the lines with both ({@link LineageCorrelator}), with the authors' filters from the configuration:
 * a lineage needs {@code correlation.min_lineage_lines} lines with factor values and a drug response,
 * a pair needs {@code correlation.min_lines} shared lines and {@code correlation.min_distinct_auc}
 * distinct AUC values among the compound's lines of the lineage.
 *
 * <p>Reads {@link MofaOutputs#KEY} (factor values: group = lineage, sample = ModelID) and
 * {@link HarmonisedData#KEY} (raw AUC; Spearman is unchanged by the per-compound z-score), works
 * keyed by lineage (one task holds one lineage's lines x factors and lines x compounds), writes
 * {@link Tables#CORRELATIONS} and puts {@link Correlations} in the context. Pairs that fail a filter,
 * or whose factor or AUC is constant over the shared lines (rho undefined), have no row.
 */
public final class CorrelateStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(CorrelateStage.class);

    /** Rows of the correlation step before the compound names are joined. */
    static final StructType RAW_SCHEMA = new StructType()
            .add(Columns.LINEAGE, DataTypes.StringType, false)
            .add(Columns.FACTOR, DataTypes.IntegerType, false)
            .add(Columns.BROAD_ID, DataTypes.StringType, false)
            .add(Columns.RHO, DataTypes.DoubleType, false)
            .add(Columns.P_VALUE, DataTypes.DoubleType, false)
            .add(Columns.N, DataTypes.IntegerType, false);

    @Override
    public String name() {
        return "correlate";
    }

    /** The configuration's "at least" thresholds as the correlator's strict "more than" options. */
    public static CorrelationOptions options(MiracsConfig.Correlation c) {
        return CorrelationOptions.MIRACS.withMinSharedLines(c.minLines() - 1).withMinDistinctAuc(c.minDistinctAuc() - 1);
    }

    @Override
    public void run(RunContext ctx) {
        MiracsConfig.Correlation cfg = ctx.config().correlation();
        MofaOutputs mofa = ctx.get(MofaOutputs.KEY);
        HarmonisedData harmonised = ctx.get(HarmonisedData.KEY);

        Dataset<Row> factors = mofa.factors().select(col(Columns.GROUP).as(Columns.LINEAGE),
                col(Columns.SAMPLE).as(Columns.MODEL_ID), col(Columns.FACTOR), col(Columns.VALUE));
        Dataset<Row> lines = factors.select(Columns.LINEAGE, Columns.MODEL_ID).distinct();
        Dataset<Row> auc = harmonised.drugResponse().select(Columns.MODEL_ID, Columns.BROAD_ID, Columns.AUC)
                .join(lines, Columns.MODEL_ID)
                .select(Columns.LINEAGE, Columns.MODEL_ID, Columns.BROAD_ID, Columns.AUC);

        // lineages with enough lines that have factor values and a drug response (small: collected)
        Map<String, Long> shared = new TreeMap<>(SetCollection.CODE_POINT_ORDER);
        for (Row r : lines.select(Columns.LINEAGE).distinct().collectAsList()) {
            shared.put(r.getString(0), 0L);
        }
        for (Row r : auc.groupBy(Columns.LINEAGE).agg(countDistinct(Columns.MODEL_ID)).collectAsList()) {
            shared.put(r.getString(0), r.getLong(1));
        }
        List<String> kept = new ArrayList<>();
        Map<String, Object> lineageReport = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : shared.entrySet()) {
            boolean keep = e.getValue() >= cfg.minLineageLines();
            lineageReport.put(e.getKey(), e.getValue());
            if (keep) {
                kept.add(e.getKey());
            } else {
                LOG.warn("correlate: lineage {} skipped: {} lines with factor values and drug response, need >= {} "
                        + "(correlation.min_lineage_lines)", e.getKey(), e.getValue(), cfg.minLineageLines());
            }
        }
        ctx.metadata().put("correlate_shared_lines_per_lineage", lineageReport);

        Dataset<Row> raw;
        if (kept.isEmpty()) {
            LOG.warn("correlate: no lineage has >= {} lines with factor values and drug response; no correlations",
                    cfg.minLineageLines());
            raw = ctx.spark().createDataFrame(List.of(), RAW_SCHEMA);
        } else {
            String[] keptArr = kept.toArray(new String[0]);
            JavaPairRDD<String, Row> f = factors.filter(col(Columns.LINEAGE).isin((Object[]) keptArr)).javaRDD()
                    .keyBy(r -> r.getString(0));
            JavaPairRDD<String, Row> a = auc.filter(col(Columns.LINEAGE).isin((Object[]) keptArr)).javaRDD()
                    .keyBy(r -> r.getString(0));
            JavaRDD<Row> rows = f.cogroup(a, new HashPartitioner(kept.size()))
                    .flatMap(t -> correlateLineage(t._1(), t._2()._1(), t._2()._2(), options(cfg)).iterator());
            raw = ctx.spark().createDataFrame(rows, RAW_SCHEMA);
        }
        Dataset<Row> names = harmonised.drugs().select(col(Columns.BROAD_ID), col(Columns.DRUG_NAME).as(Columns.COMPOUND_NAME));
        Dataset<Row> table = raw.join(names, raw.col(Columns.BROAD_ID).equalTo(names.col(Columns.BROAD_ID)), "left")
                .select(raw.col(Columns.LINEAGE), raw.col(Columns.FACTOR), raw.col(Columns.BROAD_ID),
                        names.col(Columns.COMPOUND_NAME), raw.col(Columns.RHO), raw.col(Columns.P_VALUE), raw.col(Columns.N))
                .orderBy(Columns.LINEAGE, Columns.FACTOR, Columns.BROAD_ID);
        Dataset<Row> written = ctx.writeTable(Tables.CORRELATIONS, table);
        long n = written.count();
        LOG.info("correlate: {} factor x compound correlations in {} lineages", n, kept.size());
        ctx.metadata().put("correlate_rows", n);
        ctx.put(Correlations.KEY, new Correlations(written));
    }

    /**
     * One lineage: factor rows (lineage, model_id, factor, value) and AUC rows (lineage, model_id,
     * broad_id, auc) to result rows {@link #RAW_SCHEMA}. Lines are those with a factor value;
     * factors in numeric order, compounds in code-point order; rows with undefined rho are dropped.
     */
    static List<Row> correlateLineage(String lineage, Iterable<Row> factorRows, Iterable<Row> aucRows,
                                      CorrelationOptions options) {
        TreeSet<String> lineSet = new TreeSet<>(SetCollection.CODE_POINT_ORDER);
        TreeSet<Integer> factorSet = new TreeSet<>();
        for (Row r : factorRows) {
            lineSet.add(r.getString(1));
            factorSet.add(r.getInt(2));
        }
        TreeSet<String> drugSet = new TreeSet<>(SetCollection.CODE_POINT_ORDER);
        for (Row r : aucRows) {
            drugSet.add(r.getString(2));
        }
        Map<String, Integer> lineIdx = index(lineSet);
        Map<String, Integer> drugIdx = index(drugSet);
        Map<Integer, Integer> factorIdx = new HashMap<>();
        for (Integer k : factorSet) {
            factorIdx.put(k, factorIdx.size());
        }
        int nL = lineSet.size();
        double[][] z = new double[factorSet.size()][nL];
        for (double[] row : z) {
            Arrays.fill(row, Double.NaN);
        }
        for (Row r : factorRows) {
            z[factorIdx.get(r.getInt(2))][lineIdx.get(r.getString(1))] = r.isNullAt(3) ? Double.NaN : r.getDouble(3);
        }
        double[][] y = new double[drugSet.size()][nL];
        for (double[] row : y) {
            Arrays.fill(row, Double.NaN);
        }
        for (Row r : aucRows) {
            y[drugIdx.get(r.getString(2))][lineIdx.get(r.getString(1))] = r.isNullAt(3) ? Double.NaN : r.getDouble(3);
        }
        String[] factorIds = factorSet.stream().map(String::valueOf).toArray(String[]::new);
        String[] drugIds = drugSet.toArray(new String[0]);
        List<FactorDrugCorrelation> res = new LineageCorrelator(options.withIncludeFiltered(false))
                .correlate(factorIds, z, drugIds, y);
        List<Row> out = new ArrayList<>(res.size());
        for (FactorDrugCorrelation c : res) {
            if (!Double.isNaN(c.rho())) {
                out.add(RowFactory.create(lineage, Integer.parseInt(c.factor()), c.drug(), c.rho(), c.pValue(), c.n()));
            }
        }
        return out;
    }

    private static Map<String, Integer> index(TreeSet<String> ids) {
        Map<String, Integer> m = new HashMap<>(ids.size() * 2);
        for (String id : ids) {
            m.put(id, m.size());
        }
        return m;
    }
}
