package org.miracs.compare;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.miracs.schema.TableDef;
import org.miracs.schema.Tables;

/**
 * Compares the Parquet tables of two results folders: every table of {@link Tables#all()} that
 * either run wrote must be in both, with the same rows (as a multiset; row order and partitioning
 * do not matter). Timing columns are left out. With a tolerance, floating-point columns may differ
 * by {@code tolerance * max(1, |a|, |b|)}: rows are then matched on their other columns.
 */
public final class RunComparison {
    private static final int EXAMPLE_CHARS = 300;

    private final SparkSession spark;
    private final double tolerance;

    public RunComparison(SparkSession spark, double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        this.spark = spark;
        this.tolerance = tolerance;
    }

    /** One entry per table present in at least one of the two folders, in the order a run writes them. */
    public List<TableDifference> compare(String dirA, String dirB) throws IOException {
        List<TableDifference> out = new ArrayList<>();
        for (TableDef def : Tables.all()) {
            boolean inA = hasTable(dirA, def);
            boolean inB = hasTable(dirB, def);
            if (inA && inB) {
                out.add(compareTable(def.path(), read(dirA, def), read(dirB, def)));
            } else if (inA) {
                out.add(new TableDifference(def.path(), TableDifference.Status.MISSING_IN_B, -1, -1, 0, 0, ""));
            } else if (inB) {
                out.add(new TableDifference(def.path(), TableDifference.Status.MISSING_IN_A, -1, -1, 0, 0, ""));
            }
        }
        return out;
    }

    private boolean hasTable(String dir, TableDef def) throws IOException {
        Path p = new Path(dir, def.path());
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        return fs.exists(p);
    }

    private Dataset<Row> read(String dir, TableDef def) {
        Dataset<Row> df = spark.read().parquet(new Path(dir, def.path()).toString());
        List<Column> kept = new ArrayList<>();
        for (String c : df.columns()) {
            if (!Tables.TIMING_COLUMNS.contains(c)) {
                kept.add(col(c));
            }
        }
        return df.select(kept.toArray(new Column[0]));
    }

    /** Compares two versions of one table (same columns expected). */
    public TableDifference compareTable(String table, Dataset<Row> a, Dataset<Row> b) {
        if (!a.schema().equals(b.schema())) {
            return new TableDifference(table, TableDifference.Status.DIFFERENT, a.count(), b.count(), 0, 0,
                    "schemas differ: " + a.schema().simpleString() + " vs " + b.schema().simpleString());
        }
        List<String> keys = new ArrayList<>();
        List<String> reals = new ArrayList<>();
        for (StructField f : a.schema().fields()) {
            boolean real = f.dataType().equals(DataTypes.DoubleType) || f.dataType().equals(DataTypes.FloatType);
            (real ? reals : keys).add(f.name());
        }
        long rowsA = a.count();
        long rowsB = b.count();
        if (tolerance == 0 || reals.isEmpty() || !uniquelyKeyed(a, keys, rowsA) || !uniquelyKeyed(b, keys, rowsB)) {
            return exact(table, a, b, rowsA, rowsB);
        }
        return withinTolerance(table, a, b, keys, reals, rowsA, rowsB);
    }

    private TableDifference exact(String table, Dataset<Row> a, Dataset<Row> b, long rowsA, long rowsB) {
        Dataset<Row> onlyA = a.exceptAll(b).cache();
        Dataset<Row> onlyB = b.exceptAll(a).cache();
        try {
            long nA = onlyA.count();
            long nB = onlyB.count();
            if (nA == 0 && nB == 0) {
                return new TableDifference(table, TableDifference.Status.EQUAL, rowsA, rowsB, 0, 0, "");
            }
            String example = nA > 0 ? "first run has " + first(onlyA) : "second run has " + first(onlyB);
            return new TableDifference(table, TableDifference.Status.DIFFERENT, rowsA, rowsB, nA, nB, example);
        } finally {
            onlyA.unpersist();
            onlyB.unpersist();
        }
    }

    private static boolean uniquelyKeyed(Dataset<Row> df, List<String> keys, long rows) {
        if (keys.isEmpty()) {
            return rows <= 1;
        }
        return df.select(keys.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new)).distinct().count() == rows;
    }

    private TableDifference withinTolerance(String table, Dataset<Row> a, Dataset<Row> b, List<String> keys,
                                            List<String> reals, long rowsA, long rowsB) {
        Dataset<Row> ta = a.withColumn("__in_a", lit(true)).as("a");
        Dataset<Row> tb = b.withColumn("__in_b", lit(true)).as("b");
        Column on = lit(true);
        for (String k : keys) {
            on = on.and(col("a." + k).eqNullSafe(col("b." + k)));
        }
        // a numeric mismatch: one side null, or |a - b| > tol * max(1, |a|, |b|). Equal values (NaN = NaN
        // and equal infinities included, in Spark SQL) always match; the distance test only applies to
        // finite values, because Spark orders NaN above everything (NaN <= NaN is true).
        Column mismatch = lit(false);
        for (String r : reals) {
            Column x = col("a." + r);
            Column y = col("b." + r);
            Column same = x.isNull().and(y.isNull())
                    .or(x.equalTo(y))
                    .or(finite(x).and(finite(y))
                            .and(abs(x.minus(y)).leq(greatest(lit(1.0), abs(x), abs(y)).multiply(tolerance))));
            mismatch = mismatch.or(not(coalesce(same, lit(false))));
        }
        Dataset<Row> joined = ta.join(tb, on, "full_outer")
                .filter(col("__in_a").isNull().or(col("__in_b").isNull()).or(mismatch)).cache();
        try {
            long nA = joined.filter(col("__in_a").isNotNull()).count();
            long nB = joined.filter(col("__in_b").isNotNull()).count();
            if (nA == 0 && nB == 0) {
                return new TableDifference(table, TableDifference.Status.EQUAL, rowsA, rowsB, 0, 0, "");
            }
            return new TableDifference(table, TableDifference.Status.DIFFERENT, rowsA, rowsB, nA, nB,
                    "beyond tolerance " + tolerance + ": " + first(joined));
        } finally {
            joined.unpersist();
        }
    }

    private static Column finite(Column c) {
        return not(isnan(c)).and(abs(c).notEqual(lit(Double.POSITIVE_INFINITY)));
    }

    private static String first(Dataset<Row> df) {
        String s = df.limit(1).collectAsList().get(0).toString();
        return s.length() <= EXAMPLE_CHARS ? s : s.substring(0, EXAMPLE_CHARS) + "...";
    }
}
