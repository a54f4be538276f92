package org.miracs.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes, {@code ""} for a quote inside
 * quotes. {@link #splitLine} parses one physical line (the wide DepMap matrices and PRISM never
 * break a record across lines); {@link #readRecord} also follows quoted line breaks (Model.csv's
 * free-text columns).
 */
public final class CsvRecords {
    private CsvRecords() {}

    /** Splits one line; throws IllegalArgumentException on an unterminated or misplaced quote. */
    public static String[] splitLine(String line) {
        List<String> fields = new ArrayList<>();
        int end = parseInto(line, 0, fields, new StringBuilder());
        if (end != line.length()) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        return fields.toArray(new String[0]);
    }

    /** The first field of a line, without splitting the rest (cheap id scans of wide files). */
    public static String firstField(String line) {
        if (!line.isEmpty() && line.charAt(0) == '"') {
            String[] f = splitPrefix(line, 1);
            return f[0];
        }
        int comma = line.indexOf(',');
        return comma < 0 ? line : line.substring(0, comma);
    }

    /** The first {@code n} fields of a line. */
    public static String[] splitPrefix(String line, int n) {
        List<String> fields = new ArrayList<>(n);
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (fields.size() < n && i <= line.length()) {
            field.setLength(0);
            i = parseField(line, i, field);
            fields.add(field.toString());
            if (i >= line.length()) {
                break;
            }
            i++; // the comma
        }
        return fields.toArray(new String[0]);
    }

    /**
     * Reads one record, joining physical lines while a quoted field is open; null at end of input.
     */
    public static String[] readRecord(BufferedReader reader) throws IOException {
        String line = reader.readLine();
        if (line == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(line);
        while (quoteOpen(text)) {
            String next = reader.readLine();
            if (next == null) {
                throw new IllegalArgumentException("unterminated quoted field at end of file");
            }
            text.append('\n').append(next);
        }
        return splitLine(text.toString());
    }

    private static boolean quoteOpen(CharSequence s) {
        boolean open = false;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '"') {
                open = !open;
            }
        }
        return open;
    }

    private static int parseInto(String line, int start, List<String> fields, StringBuilder field) {
        int i = start;
        while (true) {
            field.setLength(0);
            i = parseField(line, i, field);
            fields.add(field.toString());
            if (i >= line.length()) {
                return i;
            }
            i++; // skip the comma
            if (i == line.length()) { // trailing comma: one more empty field
                fields.add("");
                return i;
            }
        }
    }

    /** Parses a field starting at {@code i}; returns the index of the comma after it or the line length. */
    private static int parseField(String line, int i, StringBuilder field) {
        int n = line.length();
        if (i < n && line.charAt(i) == '"') {
            i++;
            while (true) {
                if (i >= n) {
                    throw new IllegalArgumentException("unterminated quoted field");
                }
                char c = line.charAt(i);
                if (c == '"') {
                    if (i + 1 < n && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else {
                        i++;
                        break;
                    }
                } else {
                    field.append(c);
                    i++;
                }
            }
            if (i < n && line.charAt(i) != ',') {
                throw new IllegalArgumentException("text after a closing quote");
            }
            return i;
        }
        int comma = line.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        field.append(line, i, end);
        return end;
    }
}
