package org.miracs.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.miracs.config.MiracsConfig;
import org.miracs.pipeline.RunContext;
import org.miracs.schema.Columns;
import org.miracs.schema.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/miracs enrich}: the samples of one scores file are one decoupler call (shared features
 * and, in EXACT mode, shared permutations); each sample is a unit spread over the executors. Writes
 * {@link Tables#RANKED_ENRICHMENT} and {@code enrichment.tsv} into the run's output.
 */
public final class RankedListEnrichment {
    private static final Logger LOG = LoggerFactory.getLogger(RankedListEnrichment.class);
    public static final String TSV = "enrichment.tsv";

    private RankedListEnrichment() {}

    /** @return the written table */
    public static Dataset<Row> run(RunContext ctx, RankedListInputs.Scores scores, String[][] sets,
                                   MiracsConfig.Enrichment cfg, long progressMillis) throws Exception {
        SparkSession spark = ctx.spark();
        EnrichmentCalls.Result call;
        try {
            call = EnrichmentCalls.build("", scores.samples(), scores.drugs(), scores.matrix(), false);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (call.zeroFeatures() > 0 || !call.emptySamples().isEmpty()) {
            LOG.info("enrich: dropped {} drugs scored 0 in every sample and {} samples scored 0 everywhere {} "
                    + "(as decoupler)", call.zeroFeatures(), call.emptySamples().size(), call.emptySamples());
        }
        List<Row> unitRows = new ArrayList<>();
        for (EnrichmentUnit u : call.units()) {
            unitRows.add(DistributedGsea.toRow(u));
        }
        long total = unitRows.size();
        int partitions = EnrichStage.partitions(spark, total);
        Dataset<Row> units = spark.createDataFrame(unitRows, DistributedGsea.UNIT_SCHEMA);
        LOG.info("enrich: {} samples x {} drugs against {} set memberships, mode {}, {} permutations, seed {}, "
                + "min set size {}, {} partitions", total, call.units().isEmpty() ? 0 : call.units().get(0).features().length,
                sets.length, cfg.mode().name().toLowerCase(Locale.ROOT), cfg.permutations(), cfg.seed(),
                cfg.minSetSize(), partitions);
        DistributedGsea.Computed computed = DistributedGsea.runLogged(units, total, sets, cfg, partitions, progressMillis);
        Dataset<Row> results = computed.results();
        long rows = computed.rows();
        double seconds = computed.seconds();
        Dataset<Row> written = ctx.writeTable(Tables.RANKED_ENRICHMENT, results.orderBy(Columns.SAMPLE, Columns.SET));
        results.unpersist();
        ctx.output().writeText(TSV, TableText.tsv(written.collectAsList(), Tables.RANKED_ENRICHMENT.columnNames()));
        ctx.metadata().put("enrichment", java.util.Map.of("units", total, "rows", rows, "partitions", partitions,
                "units_seconds", Math.round(seconds * 1000) / 1000.0));
        LOG.info("enrich: {} rows ({} samples) in {} s", rows, total, String.format(Locale.ROOT, "%.1f", seconds));
        return written;
    }
}
