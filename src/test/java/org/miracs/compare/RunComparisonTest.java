package org.miracs.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miracs.compare.TableDifference.Status;
import org.miracs.schema.Tables;
import org.miracs.testing.ResultsFolder;
import org.miracs.testing.SparkTestBase;

/**
 * {@link RunComparison}: tables as row multisets (order and partitioning ignored, duplicates counted),
 * exact by default, or within {@code tol * max(1, |a|, |b|)} per floating-point value; whole results
 * folders with missing tables and timing columns.
 */
class RunComparisonTest extends SparkTestBase {
    /** name and k identify a row (the tolerance mode matches rows on them); value is compared. */
    private static final StructType SCHEMA = new StructType()
            .add("name", DataTypes.StringType, false)
            .add("k", DataTypes.IntegerType, false)
            .add("value", DataTypes.DoubleType, true);
    private static final int ROWS = 40;
    private static final int CHANGED = 17;

    @TempDir
    Path tmp;

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(RowFactory.create("row" + i, i % 3, Math.sin(i) * 1000));
        }
        return rows;
    }

    private Dataset<Row> df(List<Row> rows) {
        return spark().createDataFrame(rows, SCHEMA);
    }

    private static List<Row> withValue(List<Row> rows, int index, Double value) {
        List<Row> out = new ArrayList<>(rows);
        Row r = out.get(index);
        out.set(index, RowFactory.create(r.get(0), r.get(1), value));
        return out;
    }

    /** Compares table "t@tolerance" (the tolerance shows in failure messages). */
    private TableDifference compare(double tolerance, List<Row> a, List<Row> b) {
        return new RunComparison(spark(), tolerance).compareTable("t@" + tolerance, df(a), df(b));
    }

    private static void assertCounts(TableDifference d, Status status, long rowsA, long rowsB, long onlyInA, long onlyInB) {
        Assertions.assertEquals(List.of(status, rowsA, rowsB, onlyInA, onlyInB),
                List.of(d.status(), d.rowsA(), d.rowsB(), d.onlyInA(), d.onlyInB()), d::describe);
    }

    @Test
    void rowOrderAndPartitioningDoNotMatter() {
        List<Row> reversed = new ArrayList<>(rows());
        Collections.reverse(reversed);
        Dataset<Row> shuffled = df(reversed).repartition(3);
        for (double tolerance : new double[] {0, 1e-9}) {
            TableDifference d = new RunComparison(spark(), tolerance).compareTable("t", df(rows()), shuffled);
            assertCounts(d, Status.EQUAL, ROWS, ROWS, 0, 0);
        }
    }

    @Test
    void oneUlpChangeIsADifference() {
        List<Row> a = rows();
        List<Row> b = withValue(a, CHANGED, Math.nextUp(a.get(CHANGED).getDouble(2)));
        TableDifference d = compare(0, a, b);
        assertCounts(d, Status.DIFFERENT, ROWS, ROWS, 1, 1);
        Assertions.assertTrue(d.example().contains("row" + CHANGED), d.example());
    }

    @Test
    void toleranceIsRelativeToTheLargerMagnitude() {
        double x = 1000.0;
        double y = 1000.5; // |y| > |x|: the threshold is tol * |y|
        List<Row> a = withValue(rows(), CHANGED, x);
        List<Row> b = withValue(rows(), CHANGED, y);
        double boundary = (y - x) / Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
        assertCounts(compare(boundary * (1 + 1e-9), a, b), Status.EQUAL, ROWS, ROWS, 0, 0);
        assertCounts(compare(boundary * (1 - 1e-9), a, b), Status.DIFFERENT, ROWS, ROWS, 1, 1);
        // the reverse direction is the same test
        assertCounts(compare(boundary * (1 + 1e-9), b, a), Status.EQUAL, ROWS, ROWS, 0, 0);
    }

    @Test
    void toleranceIsAbsoluteBelowOne() {
        double x = 0.001;
        double y = 0.0015; // max(1, |x|, |y|) = 1
        List<Row> a = withValue(rows(), CHANGED, x);
        List<Row> b = withValue(rows(), CHANGED, y);
        double boundary = y - x;
        assertCounts(compare(boundary * (1 + 1e-9), a, b), Status.EQUAL, ROWS, ROWS, 0, 0);
        assertCounts(compare(boundary * (1 - 1e-9), a, b), Status.DIFFERENT, ROWS, ROWS, 1, 1);
    }

    @Test
    void nanEqualsNanButNoNumber() {
        List<Row> withNaN = withValue(rows(), CHANGED, Double.NaN);
        for (double tolerance : new double[] {0, 0.5}) {
            assertCounts(compare(tolerance, withNaN, withValue(rows(), CHANGED, Double.NaN)), Status.EQUAL, ROWS, ROWS, 0, 0);
            assertCounts(compare(tolerance, withNaN, withValue(rows(), CHANGED, 1.0)), Status.DIFFERENT, ROWS, ROWS, 1, 1);
            assertCounts(compare(tolerance, withValue(rows(), CHANGED, 1.0), withNaN), Status.DIFFERENT, ROWS, ROWS, 1, 1);
        }
    }

    @Test
    void infinityEqualsOnlyTheSameInfinity() {
        double inf = Double.POSITIVE_INFINITY;
        List<Row> withInf = withValue(rows(), CHANGED, inf);
        for (double tolerance : new double[] {0, 0.5}) {
            assertCounts(compare(tolerance, withInf, withValue(rows(), CHANGED, inf)), Status.EQUAL, ROWS, ROWS, 0, 0);
            assertCounts(compare(tolerance, withInf, withValue(rows(), CHANGED, -inf)), Status.DIFFERENT, ROWS, ROWS, 1, 1);
            assertCounts(compare(tolerance, withInf, withValue(rows(), CHANGED, 1.0)), Status.DIFFERENT, ROWS, ROWS, 1, 1);
            assertCounts(compare(tolerance, withValue(rows(), CHANGED, Double.MAX_VALUE), withInf), Status.DIFFERENT,
                    ROWS, ROWS, 1, 1);
        }
    }

    @Test
    void nullEqualsNullButNoValue() {
        List<Row> withNull = withValue(rows(), CHANGED, null);
        for (double tolerance : new double[] {0, 0.5}) {
            assertCounts(compare(tolerance, withNull, withValue(rows(), CHANGED, null)), Status.EQUAL, ROWS, ROWS, 0, 0);
            assertCounts(compare(tolerance, withNull, withValue(rows(), CHANGED, 0.0)), Status.DIFFERENT, ROWS, ROWS, 1, 1);
            assertCounts(compare(tolerance, withValue(rows(), CHANGED, 0.0), withNull), Status.DIFFERENT, ROWS, ROWS, 1, 1);
        }
    }

    @Test
    void aDuplicatedRowIsADifference() {
        List<Row> doubled = new ArrayList<>(rows());
        doubled.add(doubled.get(CHANGED));
        // with a tolerance too: duplicated keys make row matching ambiguous, so rows are compared exactly
        for (double tolerance : new double[] {0, 0.5}) {
            assertCounts(compare(tolerance, rows(), doubled), Status.DIFFERENT, ROWS, ROWS + 1, 0, 1);
            assertCounts(compare(tolerance, doubled, rows()), Status.DIFFERENT, ROWS + 1, ROWS, 1, 0);
        }
    }

    @Test
    void differentSchemasDiffer() {
        Dataset<Row> renamed = df(rows()).withColumnRenamed("value", "score");
        TableDifference d = new RunComparison(spark(), 0).compareTable("t", df(rows()), renamed);
        Assertions.assertEquals(Status.DIFFERENT, d.status(), d.describe());
        Assertions.assertTrue(d.example().startsWith("schemas differ"), d.example());
    }

    @Test
    void aTableInOnlyOneFolderIsReported() throws IOException {
        Path a = ResultsFolder.create(tmp.resolve("a"));
        Path b = ResultsFolder.create(tmp.resolve("b"));
        ResultsFolder.write(spark(), a, Tables.TRAINING_TRACE, ResultsFolder.trainingTrace(6, 0.5));
        ResultsFolder.write(spark(), b, Tables.TRAINING_TRACE, ResultsFolder.trainingTrace(6, 0.5));
        ResultsFolder.write(spark(), a, Tables.MOA_SETS, ResultsFolder.moaSets());

        Map<String, TableDifference> ab = byTable(new RunComparison(spark(), 0).compare(a.toString(), b.toString()));
        Assertions.assertEquals(2, ab.size(), "tables in neither folder are not listed: " + ab.keySet());
        assertCounts(ab.get(Tables.TRAINING_TRACE.path()), Status.EQUAL, 6, 6, 0, 0);
        assertCounts(ab.get(Tables.MOA_SETS.path()), Status.MISSING_IN_B, -1, -1, 0, 0);

        Map<String, TableDifference> ba = byTable(new RunComparison(spark(), 0).compare(b.toString(), a.toString()));
        Assertions.assertEquals(Status.MISSING_IN_A, ba.get(Tables.MOA_SETS.path()).status());
    }

    @Test
    void timingColumnsAreIgnored() throws IOException {
        Assertions.assertTrue(Tables.TIMING_COLUMNS.contains("seconds"));
        Path a = ResultsFolder.create(tmp.resolve("a"));
        Path b = ResultsFolder.create(tmp.resolve("b"));
        Path c = ResultsFolder.create(tmp.resolve("c"));
        ResultsFolder.write(spark(), a, Tables.TRAINING_TRACE, ResultsFolder.trainingTrace(6, 0.5));
        ResultsFolder.write(spark(), b, Tables.TRAINING_TRACE, ResultsFolder.trainingTrace(6, 7.25));
        // control: the same tables with one ELBO changed do differ
        List<Row> changed = new ArrayList<>(ResultsFolder.trainingTrace(6, 0.5));
        Row r = changed.get(3);
        changed.set(3, RowFactory.create(r.get(0), r.getDouble(1) + 1, r.get(2), r.get(3), r.get(4)));
        ResultsFolder.write(spark(), c, Tables.TRAINING_TRACE, changed);

        RunComparison exact = new RunComparison(spark(), 0);
        assertCounts(exact.compare(a.toString(), b.toString()).get(0), Status.EQUAL, 6, 6, 0, 0);
        assertCounts(exact.compare(a.toString(), c.toString()).get(0), Status.DIFFERENT, 6, 6, 1, 1);
    }

    @Test
    void negativeToleranceIsRejected() {
        Assertions.assertThrows(IllegalArgumentException.class, () -> new RunComparison(spark(), -1e-9));
        Assertions.assertThrows(IllegalArgumentException.class, () -> new RunComparison(spark(), Double.NaN));
    }

    private static Map<String, TableDifference> byTable(List<TableDifference> diffs) {
        return diffs.stream().collect(Collectors.toMap(TableDifference::table, d -> d));
    }
}
