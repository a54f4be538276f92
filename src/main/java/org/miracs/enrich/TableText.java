package org.miracs.enrich;

import java.util.List;
import org.apache.spark.sql.Row;

/** Tables as tab-separated text: arrays joined with ';', doubles in Java's round-trip notation, null empty. */
final class TableText {
    private TableText() {}

    static String tsv(List<Row> rows, String[] columns) {
        StringBuilder sb = new StringBuilder(String.join("\t", columns)).append('\n');
        for (Row r : rows) {
            for (int c = 0; c < columns.length; c++) {
                if (c > 0) {
                    sb.append('\t');
                }
                Object v = r.get(c);
                if (v == null) {
                    continue;
                }
                if (v instanceof scala.collection.Seq<?> || v instanceof List<?>) {
                    List<Object> list = r.getList(c);
                    for (int i = 0; i < list.size(); i++) {
                        sb.append(i > 0 ? ";" : "").append(list.get(i));
                    }
                } else {
                    sb.append(v);
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
