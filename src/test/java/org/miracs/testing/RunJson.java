package org.miracs.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fields of a run's run.json, found by pattern: Jackson on the test classpath cannot parse JSON (avro's
 * jackson-core 2.14 wins over the 2.15 that jackson-databind needs), and tests need only a few fields.
 */
public final class RunJson {
    private RunJson() {}

    /** The first string field named {@code field} (e.g. {@code spark_master}), or null. */
    public static String string(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** Whether the first string array named {@code field} holds {@code value}. */
    public static boolean arrayContains(String json, String field, String value) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        return m.find() && m.group(1).contains("\"" + value + "\"");
    }
}
