package org.miracs.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.miracs.schema.Tables;

/**
 * The counts after every ingestion and harmonisation step (the paper reports 19,138 genes x 1,673
 * lines of RNA -> 370 lines in 22 lineages): printed as a table, written as Parquet and TSV.
 */
public final class IngestionQc {
    /** One step; null counts do not apply to that step. */
    public record Step(int index, String step, String dataset, Long lines, Long features, Long lineages, String detail) {}

    public static final org.miracs.pipeline.ArtifactKey<IngestionQc> KEY =
            org.miracs.pipeline.ArtifactKey.of("ingestion_qc", IngestionQc.class);
    private final List<Step> steps = new ArrayList<>();

    public void add(String dataset, String step, Long lines, Long features, Long lineages, String detail) {
        steps.add(new Step(steps.size() + 1, step, dataset, lines, features, lineages, detail));
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public Dataset<Row> toDataset(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (Step s : steps) {
            rows.add(RowFactory.create(s.index(), s.step(), s.dataset(), s.lines(), s.features(), s.lineages(), s.detail()));
        }
        return spark.createDataFrame(rows, Tables.INGESTION_QC.schema());
    }

    public String toTsv() {
        StringBuilder sb = new StringBuilder(String.join("\t", Tables.INGESTION_QC.columnNames())).append('\n');
        for (Step s : steps) {
            sb.append(s.index()).append('\t').append(s.step()).append('\t').append(s.dataset()).append('\t')
                    .append(orEmpty(s.lines())).append('\t').append(orEmpty(s.features())).append('\t')
                    .append(orEmpty(s.lineages())).append('\t').append(s.detail() == null ? "" : s.detail()).append('\n');
        }
        return sb.toString();
    }

    /** A fixed-width table for the log. */
    public String toText() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%3s  %-10s %-44s %8s %9s %8s  %s%n",
                "#", "dataset", "step", "lines", "features", "lineages", "detail"));
        for (Step s : steps) {
            sb.append(String.format(Locale.ROOT, "%3d  %-10s %-44s %8s %9s %8s  %s%n", s.index(), s.dataset(), s.step(),
                    orEmpty(s.lines()), orEmpty(s.features()), orEmpty(s.lineages()), s.detail() == null ? "" : s.detail()));
        }
        return sb.toString();
    }

    private static String orEmpty(Long v) {
        return v == null ? "" : v.toString();
    }
}
