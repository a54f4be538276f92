package org.miracs.ingest;

import java.util.HashMap;
import java.util.Map;
import org.miracs.io.InputException;

/** Column positions of a header, looked up by name; a duplicated or missing column is an input error. */
final class HeaderIndex {
    private final String file;
    private final Map<String, Integer> positions = new HashMap<>();

    HeaderIndex(String file, String[] header) {
        this.file = file;
        for (int i = 0; i < header.length; i++) {
            Integer previous = positions.put(header[i], i);
            if (previous != null && !header[i].isEmpty()) {
                throw InputException.at(file, "1 (header)", header[i], "each column name once",
                        "columns " + (previous + 1) + " and " + (i + 1));
            }
        }
    }

    int require(String column) {
        Integer i = positions.get(column);
        if (i == null) {
            throw InputException.at(file, "1 (header)", column, "a column named '" + column + "'", null);
        }
        return i;
    }

    boolean has(String column) {
        return positions.containsKey(column);
    }
}
