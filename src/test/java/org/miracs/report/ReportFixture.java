package org.miracs.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.miracs.enrich.CrossLineageAssociations;
import org.miracs.schema.TableDef;
import org.miracs.schema.Tables;

/**
 * A small hand-made results folder in the README's table schemas: 4 lineages, 2 views, 5 factors,
 * 30 compounds, and (optionally) the phase 4 interpret tables for factor 3 / "Aurora kinase inhibitor".
 */
final class ReportFixture {
    static final List<String> LINEAGES = List.of("Bowel", "Breast", "Lung", "Skin");
    static final List<String> VIEWS = List.of("rna", "protein");
    static final int FACTORS = 5;
    static final int SELECTED_FACTOR = 3;
    static final String SELECTED_MOA = "Aurora kinase inhibitor";
    static final String SELECTED_DRUG = "BRD-K00000007";
    static final List<String> PATHWAYS = List.of("Androgen", "EGFR", "Estrogen", "Hypoxia", "JAK-STAT", "MAPK", "NFkB", "p53",
            "PI3K", "TGFb", "TNFa", "Trail", "VEGF", "WNT");

    private ReportFixture() {}

    /** Interface to write a table under a base folder (plain folder or a run's staging area). */
    interface Writer {
        void write(TableDef table, Dataset<Row> data);
    }

    static Writer folder(Path base) {
        return (t, d) -> d.write().mode(SaveMode.ErrorIfExists).parquet(base.resolve(t.path()).toString());
    }

    static void write(SparkSession spark, Path base, boolean interpret) throws IOException {
        Files.createDirectories(base);
        Files.writeString(base.resolve("run.json"), runJson(), StandardCharsets.UTF_8);
        writeTables(spark, folder(base), interpret);
    }

    static String runJson() {
        return """
                {"miracs_version": "0.1.0-test", "command": "run", "run_id": "fixture1", "started": "2026-01-01T10:00:00Z",
                 "finished": "2026-01-01T10:01:00.123Z", "java_version": "17", "spark_version": "3.5.7",
                 "spark_master": "local[2]", "config": {"mofa.factors": "5", "cross_lineage.rule": "threshold",
                 "interpret.factor": "auto"},
                 "stages": [{"name": "ingest", "seconds": 20.5, "driver_peak_heap_mb": 900},
                            {"name": "mofa", "seconds": 2.0, "driver_peak_heap_mb": 1000}],
                 "driver_peak_heap_mb": 1000, "mofa": {"iterations": 41, "converged": true},
                 "enrichment": {"units": 20, "mode": "fast"}}
                """;
    }

    static void writeTables(SparkSession spark, Writer w, boolean interpret) {
        Random rnd = new Random(7);
        List<Row> qc = List.of(RowFactory.create(1, "models in Model.csv", "models", 40L, null, 4L, "all with a lineage"),
                RowFactory.create(2, "lines with RNA and protein", "harmonised", 32L, null, 4L, null));
        w.write(Tables.INGESTION_QC, df(spark, Tables.INGESTION_QC, qc));

        List<Row> ve = new ArrayList<>();
        List<Row> vt = new ArrayList<>();
        for (String g : LINEAGES) {
            for (String v : VIEWS) {
                double total = 0;
                for (int f = 1; f <= FACTORS; f++) {
                    double r2 = 20.0 / f * rnd.nextDouble();
                    total += r2;
                    ve.add(RowFactory.create(g, v, f, r2));
                }
                vt.add(RowFactory.create(g, v, total));
            }
        }
        w.write(Tables.VARIANCE_EXPLAINED, df(spark, Tables.VARIANCE_EXPLAINED, ve));
        w.write(Tables.VARIANCE_EXPLAINED_TOTAL, df(spark, Tables.VARIANCE_EXPLAINED_TOTAL, vt));

        List<Row> corr = new ArrayList<>();
        for (String g : LINEAGES) {
            for (int f = 1; f <= FACTORS; f++) {
                for (int d = 1; d <= 30; d++) {
                    double rho = Math.max(-0.99, Math.min(0.99, rnd.nextGaussian() * 0.3));
                    corr.add(RowFactory.create(g, f, drug(d), "drug " + d, rho, 0.5, 8));
                }
            }
        }
        w.write(Tables.CORRELATIONS, df(spark, Tables.CORRELATIONS, corr));

        String res = CrossLineageAssociations.RESISTANCE;
        List<Row> cross = List.of(
                RowFactory.create(SELECTED_FACTOR, SELECTED_MOA, res, 4, List.of("Bowel", "Breast", "Lung", "Skin")),
                RowFactory.create(SELECTED_FACTOR, "topoisomerase inhibitor", res, 3, List.of("Bowel", "Lung", "Skin")),
                RowFactory.create(1, "HSP inhibitor", res, 2, List.of("Breast", "Lung")),
                RowFactory.create(2, "EGFR inhibitor", CrossLineageAssociations.SENSITIVITY, 2, List.of("Bowel", "Skin")));
        w.write(Tables.CROSS_LINEAGE_ASSOCIATIONS, df(spark, Tables.CROSS_LINEAGE_ASSOCIATIONS, cross));

        List<Row> drugs = new ArrayList<>();
        for (int d = 1; d <= 30; d++) {
            drugs.add(RowFactory.create(drug(d), d == 7 ? "tozasertib" : "drug " + d, List.of(d % 2 == 0 ? SELECTED_MOA : "other"),
                    List.of("AURKA"), "Launched", 30));
        }
        w.write(Tables.DRUGS, df(spark, Tables.DRUGS, drugs));
        if (!interpret) {
            return;
        }

        List<Row> top = new ArrayList<>();
        for (String v : VIEWS) {
            for (int f = 1; f <= FACTORS; f++) {
                for (int r = 1; r <= 10; r++) {
                    top.add(RowFactory.create(v, f, r, v.equals("rna") ? "GENE" + r + " (" + r + ")" : "sp|P0000" + r + "|G" + r,
                            "GENE" + r, (r % 3 == 0 ? -1 : 1) * (1.0 - r * 0.05)));
                }
            }
        }
        w.write(Tables.TOP_FEATURES, df(spark, Tables.TOP_FEATURES, top));

        List<Row> act = new ArrayList<>();
        for (String v : VIEWS) {
            for (String method : List.of("ulm", "mlm")) {
                for (String p : PATHWAYS) {
                    double t = rnd.nextGaussian() * 3;
                    double pv = Math.min(1, Math.exp(-Math.abs(t)));
                    act.add(RowFactory.create("progeny_human_top500", v, SELECTED_FACTOR, method, p, t, pv, Math.min(1, pv * 3)));
                }
                for (int k = 1; k <= 40; k++) {
                    double t = rnd.nextGaussian() * 2.5;
                    double pv = Math.min(1, Math.exp(-Math.abs(t)));
                    act.add(RowFactory.create("collectri_test.tsv", v, SELECTED_FACTOR, method, "TF" + k, t, pv, Math.min(1, pv * 5)));
                }
            }
        }
        w.write(Tables.PATHWAY_ACTIVITY, df(spark, Tables.PATHWAY_ACTIVITY, act));

        List<Row> forest = new ArrayList<>();
        for (int d : new int[] {2, 4, 7}) {
            for (String g : LINEAGES) {
                double r = Math.tanh(0.4 + rnd.nextGaussian() * 0.3);
                forest.add(RowFactory.create(SELECTED_FACTOR, SELECTED_MOA, drug(d), d == 7 ? "tozasertib" : "drug " + d, g, 8,
                        r, Math.max(-1, r - 0.6), Math.min(1, r + 0.4), 0.04));
            }
        }
        w.write(Tables.FOREST, df(spark, Tables.FOREST, forest));

        List<Row> lines = new ArrayList<>();
        List<Row> tests = new ArrayList<>();
        int id = 0;
        for (String g : LINEAGES) {
            for (String group : List.of(ReportFigures.SENSITIVE, ReportFigures.RESISTANT)) {
                for (int i = 0; i < 4; i++) {
                    double fv = (group.equals(ReportFigures.RESISTANT) ? 0.8 : -0.5) + rnd.nextGaussian() * 0.4;
                    lines.add(RowFactory.create(SELECTED_FACTOR, SELECTED_DRUG, g, String.format("ACH-%06d", ++id), group,
                            group.equals(ReportFigures.RESISTANT) ? 0.9 : 0.4, fv));
                }
            }
            if (!g.equals("Skin")) {
                tests.add(RowFactory.create(SELECTED_FACTOR, SELECTED_DRUG, g, 4, 4, "mann_whitney", 0.028, 0.028));
            }
        }
        w.write(Tables.SENSITIVITY_LINES, df(spark, Tables.SENSITIVITY_LINES, lines));
        w.write(Tables.SENSITIVITY_TESTS, df(spark, Tables.SENSITIVITY_TESTS, tests));
    }

    static String drug(int d) {
        return String.format("BRD-K%08d", d);
    }

    static Dataset<Row> df(SparkSession spark, TableDef t, List<Row> rows) {
        return spark.createDataFrame(rows, t.schema());
    }

    static <T> List<T> map(List<Row> rows, Function<Row, T> f) {
        return rows.stream().map(f).toList();
    }
}
