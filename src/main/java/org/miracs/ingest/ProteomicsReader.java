package org.miracs.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.miracs.ingest.ProteomicsLayout.ProteinRow;
import org.miracs.io.InputException;
import org.miracs.io.TextFiles;

/** Parses the CCLE proteomics table once (cached), checks its protein ids and counts observed values per column. */
public final class ProteomicsReader implements AutoCloseable {
    private final String file;
    private final ProteomicsLayout layout;
    private final JavaRDD<ProteinRow> rows;
    private final long rowCount;

    public ProteomicsReader(SparkSession spark, String file) {
        this.file = file;
        this.layout = ProteomicsLayout.fromHeader(file, TextFiles.headerLine(spark, file));
        ProteomicsLayout l = layout;
        this.rows = TextFiles.dataLines(spark, file).map(l::parse).persist(StorageLevel.MEMORY_AND_DISK());
        List<String> ids = rows.map(ProteinRow::proteinId).collect();
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw InputException.at(file, id, ProteomicsLayout.PROTEIN_ID, "each Protein_Id once", id + " twice");
            }
        }
        if (ids.isEmpty()) {
            throw InputException.of(file, "no protein rows after the header");
        }
        this.rowCount = ids.size();
    }

    public ProteomicsLayout layout() {
        return layout;
    }

    public JavaRDD<ProteinRow> rows() {
        return rows;
    }

    public long rowCount() {
        return rowCount;
    }

    public String file() {
        return file;
    }

    /** Observed (non-missing) values per sample column, in layout order. */
    public long[] observedCounts() {
        int n = layout.samples().size();
        return rows.treeAggregate(new long[n], (acc, row) -> {
            double[] v = row.values();
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(v[i])) {
                    acc[i]++;
                }
            }
            return acc;
        }, (a, b) -> {
            for (int i = 0; i < n; i++) {
                a[i] += b[i];
            }
            return a;
        });
    }

    @Override
    public void close() {
        rows.unpersist(false);
    }
}
