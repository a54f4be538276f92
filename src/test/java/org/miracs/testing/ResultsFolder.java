package org.miracs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.miracs.pipeline.RunOutput;
import org.miracs.schema.TableDef;
import org.miracs.schema.Tables;

/**
 * Hand-made results folders for tests of {@code compare}: a run.json (its content is not read) and
 * the chosen tables of {@link Tables} as Parquet, with a few rows instead of a pipeline run.
 */
public final class ResultsFolder {
    private ResultsFolder() {}

    /** An empty results folder: just run.json. */
    public static Path create(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(RunOutput.METADATA_FILE), "{}\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes (or replaces) one table, split into two files so a reader sees more than one partition. */
    public static void write(SparkSession spark, Path dir, TableDef table, List<Row> rows) {
        spark.createDataFrame(rows, table.schema()).repartition(2).write().mode("overwrite")
                .parquet(dir.resolve(table.path()).toString());
    }

    /** Rows of {@link Tables#TRAINING_TRACE}: iterations 0..n-1 with made-up ELBOs and the given seconds. */
    public static List<Row> trainingTrace(int n, double seconds) {
        return Stream.iterate(0, i -> i + 1).limit(n)
                .map(i -> RowFactory.create(i, -1000.0 + 10 * Math.sqrt(i), i == 0 ? null : 10 * (Math.sqrt(i) - Math.sqrt(i - 1)),
                        5, seconds + 0.01 * i))
                .toList();
    }

    /** Rows of {@link Tables#MOA_SETS}: two MoAs of two compounds each. */
    public static List<Row> moaSets() {
        return List.of(RowFactory.create("HDAC inhibitor", "BRD-1"), RowFactory.create("HDAC inhibitor", "BRD-2"),
                RowFactory.create("MEK inhibitor", "BRD-3"), RowFactory.create("MEK inhibitor", "BRD-4"));
    }

    /** Copies a folder with everything in it. */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
