package org.miracs.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.miracs.io.InputException;
import org.miracs.io.TextFiles;
import scala.Tuple2;

/**
 * Reads a DepMap expression matrix in two passes: the id cells of every row (cheap, validates ids
 * and finds duplicates), then the values of only the rows that harmonisation keeps.
 */
public final class ExpressionReader {
    private final SparkSession spark;
    private final String file;
    private final ExpressionLayout layout;

    public ExpressionReader(SparkSession spark, String file) {
        this.spark = spark;
        this.file = file;
        this.layout = ExpressionLayout.fromHeader(file, TextFiles.headerLine(spark, file));
    }

    public ExpressionLayout layout() {
        return layout;
    }

    /** Model ids of the rows to use, in file order, and how many rows the file has. */
    public record IdScan(List<String> modelIds, long rows, long nonDefaultRows) {}

    public IdScan scanIds(boolean defaultEntriesOnly) {
        ExpressionLayout l = layout;
        List<String[]> ids = TextFiles.dataLines(spark, file).map(l::ids).collect();
        List<String> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long nonDefault = 0;
        for (String[] id : ids) {
            if (defaultEntriesOnly && "No".equals(id[1])) {
                nonDefault++;
                continue;
            }
            if (!seen.add(id[0])) {
                throw InputException.at(file, id[0], layout.isLayout2025() ? "ModelID" : "column 1 (ModelID)",
                        layout.isLayout2025() && defaultEntriesOnly
                                ? "one row with IsDefaultEntryForModel == Yes per ModelID"
                                : "each ModelID once", id[0] + " twice");
            }
            kept.add(id[0]);
        }
        if (kept.isEmpty()) {
            throw InputException.of(file, "no data rows after the header");
        }
        return new IdScan(List.copyOf(kept), ids.size(), nonDefault);
    }

    /** (model id, gene values) of the rows whose model is in {@code keep}. */
    public JavaPairRDD<String, double[]> values(Broadcast<Set<String>> keep, boolean defaultEntriesOnly) {
        ExpressionLayout l = layout;
        return TextFiles.dataLines(spark, file)
                .filter(line -> {
                    String[] id = l.ids(line);
                    return keep.value().contains(id[0]) && !(defaultEntriesOnly && "No".equals(id[1]));
                })
                .mapToPair(line -> new Tuple2<>(l.ids(line)[0], l.values(line)));
    }
}
