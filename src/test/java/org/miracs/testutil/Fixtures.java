package org.miracs.testutil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads CSV fixtures from the test classpath ({@code src/test/resources/fixtures/...}). */
public final class Fixtures {
    private Fixtures() {
    }

    /** All lines split on ',' (no quoting in these fixtures). */
    public static List<String[]> csv(String resource) {
        InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + resource);
        if (in == null) {
            throw new IllegalStateException("missing fixture " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty()) {
                    rows.add(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** A headed CSV as a list of column-name -> value maps. */
    public static List<Map<String, String>> table(String resource) {
        List<String[]> rows = csv(resource);
        String[] header = rows.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                m.put(header[c], rows.get(i)[c]);
            }
            out.add(m);
        }
        return out;
    }
}
