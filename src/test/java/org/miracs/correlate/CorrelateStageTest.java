package org.miracs.correlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miracs.ingest.HarmonisedData;
import org.miracs.integrate.MofaOutputs;
import org.miracs.pipeline.RunContext;
import org.miracs.schema.Tables;
import org.miracs.stats.SpearmanCorrelation;
import org.miracs.testing.SparkTestBase;
import org.miracs.testing.StageContexts;

/**
 * CorrelateStage on a tiny synthetic case: every written rho / p / n equals SpearmanCorrelation on the
 * pair's lines computed directly, and the filters (lineage lines, pair lines, distinct AUC values)
 * keep exactly the expected pairs.
 */
class CorrelateStageTest extends SparkTestBase {
    @TempDir
    Path tmp;

    static final String[] L1 = {"A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9"};
    static final String[] L2 = {"B1", "B2", "B3", "B4"};

    @Test
    void correlationsMatchDirectSpearmanAndFiltersApply() throws Exception {
        Random rnd = new Random(7);
        // factor values: L1 (9 lines) x factors 1, 2 (factor 2 with ties); L2 (4 lines) x factors 1, 2
        Map<String, double[]> z = new HashMap<>();
        List<Row> factorRows = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            double[] v = new double[L1.length];
            for (int i = 0; i < L1.length; i++) {
                v[i] = k == 1 ? rnd.nextGaussian() : Math.round(rnd.nextGaussian() * 2) / 2.0;
                factorRows.add(RowFactory.create("L1", L1[i], k, v[i]));
            }
            z.put("L1|" + k, v);
            for (String b : L2) {
                factorRows.add(RowFactory.create("L2", b, k, rnd.nextGaussian()));
            }
        }
        // AUC per drug over L1 lines (NaN = no row)
        double n = Double.NaN;
        Map<String, double[]> auc = new HashMap<>();
        auc.put("D1", randomAuc(rnd, 9, false));                       // 9 lines, 9 distinct: kept
        double[] d2 = randomAuc(rnd, 9, false);
        d2[0] = n;
        d2[4] = n;
        auc.put("D2", d2);                                            // 7 lines: kept
        auc.put("D3", new double[] {0.1, 0.2, 0.3, 0.4, 0.1, 0.2, 0.3, 0.4, 0.1}); // 4 distinct: filtered
        double[] d4 = randomAuc(rnd, 9, false);
        for (int i = 5; i < 9; i++) {
            d4[i] = n;
        }
        auc.put("D4", d4);                                            // 5 lines: filtered
        auc.put("D5", new double[] {0.5, 0.7, 0.5, 0.9, 0.3, 0.8, 0.6, 0.2, 0.9}); // 7 distinct, ties: kept
        List<Row> responses = new ArrayList<>();
        auc.forEach((drug, v) -> {
            for (int i = 0; i < L1.length; i++) {
                if (!Double.isNaN(v[i])) {
                    responses.add(RowFactory.create(L1[i], drug, "MTS010", v[i], null, 1));
                }
            }
            for (String b : L2) {
                responses.add(RowFactory.create(b, drug, "MTS010", rnd.nextDouble(), null, 1));
            }
        });
        responses.add(RowFactory.create("ACH-999999", "D1", "MTS010", 0.5, null, 1)); // a line without factors
        List<Row> drugs = new ArrayList<>();
        for (String d : List.of("D1", "D2", "D3", "D4", "D5")) {
            drugs.add(RowFactory.create(d, d.equals("D5") ? null : "name-" + d, new String[0], new String[0], null, 9));
        }

        RunContext ctx = StageContexts.create(spark(), null, tmp.resolve("out"),
                "correlation.min_lineage_lines=5", "correlation.min_lines=6", "correlation.min_distinct_auc=6");
        ctx.put(MofaOutputs.KEY, new MofaOutputs(spark().createDataFrame(factorRows, Tables.FACTORS.schema()), null, null));
        ctx.put(HarmonisedData.KEY, new HarmonisedData(null, null, null,
                spark().createDataFrame(responses, Tables.DRUG_RESPONSE.schema()),
                spark().createDataFrame(drugs, Tables.DRUGS.schema()), null));
        new CorrelateStage().run(ctx);

        Dataset<Row> written = ctx.get(Correlations.KEY).table();
        assertEquals(Arrays.asList(Tables.CORRELATIONS.columnNames()), Arrays.asList(written.columns()));
        List<Row> rows = written.collectAsList();
        List<String> keys = rows.stream().map(r -> r.getString(0) + "|" + r.getInt(1) + "|" + r.getString(2)).toList();
        assertEquals(List.of("L1|1|D1", "L1|1|D2", "L1|1|D5", "L1|2|D1", "L1|2|D2", "L1|2|D5"), keys,
                "L2 has 4 lines (< 5); D3 has 4 distinct AUC values (< 6); D4 has 5 lines (< 6)");
        for (Row r : rows) {
            double[] x = z.get("L1|" + r.getInt(1));
            SpearmanCorrelation.Result e = SpearmanCorrelation.PAIRWISE_COMPLETE.correlate(x, auc.get(r.getString(2)));
            assertEquals(e.rho(), r.getDouble(4), 1e-14, keys.toString());
            assertEquals(e.pValue(), r.getDouble(5), 1e-14);
            assertEquals(e.n(), r.getInt(6));
            assertTrue(Double.isFinite(e.rho()));
            if (r.getString(2).equals("D5")) {
                assertNull(r.get(3));
            } else {
                assertEquals("name-" + r.getString(2), r.getString(3));
            }
        }
        assertEquals(7, rows.get(1).getInt(6));
    }

    private static double[] randomAuc(Random rnd, int n, boolean ties) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = ties ? Math.round(rnd.nextDouble() * 4) / 4.0 : rnd.nextDouble();
        }
        return v;
    }
}
