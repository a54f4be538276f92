package org.miracs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Fields of a run's run.json, for assertions. */
public final class RunJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunJson() {}

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("run.json is not valid JSON", e);
        }
    }

    /** The first string field named {@code field} anywhere in the document (e.g. {@code spark_master}), or null. */
    public static String string(String json, String field) {
        JsonNode n = parse(json).findValue(field);
        return n == null || !n.isTextual() ? null : n.asText();
    }

    /** Whether the first array named {@code field} holds the string {@code value}. */
    public static boolean arrayContains(String json, String field, String value) {
        JsonNode n = parse(json).findValue(field);
        if (n == null || !n.isArray()) {
            return false;
        }
        for (JsonNode e : n) {
            if (value.equals(e.asText())) {
                return true;
            }
        }
        return false;
    }
}
