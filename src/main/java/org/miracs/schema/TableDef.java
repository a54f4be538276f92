package org.miracs.schema;

import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** One output table: where it lives under the run's output folder, its schema and what a row means. */
public record TableDef(String path, String rowMeaning, StructType schema, List<String> columnDocs) {

    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public String[] columnNames() {
        return schema.fieldNames();
    }

    /** Markdown table of the columns, for the README. */
    public String markdown() {
        StringBuilder sb = new StringBuilder("`").append(path).append("` — one row per ").append(rowMeaning)
                .append("\n\n| column | type | meaning |\n|---|---|---|\n");
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            sb.append("| ").append(fields[i].name()).append(" | ").append(fields[i].dataType().simpleString())
                    .append(fields[i].nullable() ? " (nullable)" : "").append(" | ").append(columnDocs.get(i)).append(" |\n");
        }
        return sb.toString();
    }
}
