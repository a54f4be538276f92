package org.miracs.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.miracs.compare.RunComparison;
import org.miracs.compare.TableDifference;
import org.miracs.io.Numbers;

/**
 * {@code miracs compare}: do two results folders hold the same results? Used to check that a
 * cluster run reproduces a laptop run; exit 0 when every table is equal, 1 otherwise.
 */
final class CompareCommand implements Command {

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "check that two results folders hold the same tables (e.g. a cluster run and a local run)";
    }

    @Override
    public String usage() {
        return """
                usage: bin/miracs compare DIR_A DIR_B [--tolerance T]

                  DIR_A DIR_B      results folders written by bin/miracs run (any Hadoop path)
                  --tolerance T    let floating-point values differ by T * max(1, |a|, |b|) (default 0:
                                   bit-identical); rows are then matched on their other columns
                Every Parquet table either run wrote must be in both with the same rows, whatever their
                order and partitioning; timing columns are ignored. Exit 0 when equal, 1 when not.
                """;
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Arguments a = Arguments.parseWithPositional(args, Set.of("--tolerance"), Set.of(), Set.of());
        List<String> dirs = a.positional();
        if (dirs.size() != 2) {
            throw new UsageException("expected two results folders, got " + dirs.size());
        }
        double tolerance = a.get("--tolerance") == null ? 0.0 : parseTolerance(a.get("--tolerance"));
        SparkSession spark = SparkSessions.getOrCreate("miracs compare");
        for (String dir : dirs) {
            ReportCommand.checkResultsFolder(spark.sparkContext().hadoopConfiguration(), dir);
        }
        List<TableDifference> diffs = new RunComparison(spark, tolerance).compare(dirs.get(0), dirs.get(1));
        long different = diffs.stream().filter(d -> !d.equal()).count();
        for (TableDifference d : diffs) {
            out.println(d.describe());
        }
        if (diffs.isEmpty()) {
            out.println("no MIRACS tables in either folder");
            return 1;
        }
        out.println(different == 0
                ? "compare: the " + diffs.size() + " tables are equal"
                : "compare: " + different + " of " + diffs.size() + " tables differ");
        return different == 0 ? 0 : 1;
    }

    private static double parseTolerance(String text) {
        double t;
        try {
            t = Numbers.parseOrNaN(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--tolerance: expected a number >= 0, got '" + text + "'");
        }
        if (!(t >= 0)) {
            throw new UsageException("--tolerance: expected a number >= 0, got '" + text + "'");
        }
        return t;
    }
}
