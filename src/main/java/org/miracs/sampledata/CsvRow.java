package org.miracs.sampledata;

import java.io.IOException;
import java.io.Writer;

/** Builds one CSV line at a time and hands it to a Writer (no whole-file buffering). Line ending is "\n". */
final class CsvRow {
    static final String NA = "NA";

    private final StringBuilder sb;
    private char[] buf = new char[0];
    private boolean first = true;

    CsvRow(int capacity) {
        sb = new StringBuilder(capacity);
    }

    private void sep() {
        if (!first) {
            sb.append(',');
        }
        first = false;
    }

    StringBuilder cell() {
        sep();
        return sb;
    }

    /** Appended as-is (caller guarantees no comma/quote/newline). */
    CsvRow raw(CharSequence s) {
        sep();
        sb.append(s);
        return this;
    }

    /** Minimal RFC 4180 quoting (only when needed); null becomes the NA literal. */
    CsvRow text(String s) {
        sep();
        if (s == null) {
            sb.append(NA);
        } else {
            appendMinimal(sb, s);
        }
        return this;
    }

    /** Minimal quoting; null becomes an empty field. */
    CsvRow textOrEmpty(String s) {
        sep();
        if (s != null) {
            appendMinimal(sb, s);
        }
        return this;
    }

    /** Always quoted (R write.csv style); null becomes the unquoted NA literal. */
    CsvRow quoted(String s) {
        sep();
        if (s == null) {
            sb.append(NA);
        } else {
            appendQuoted(sb, s);
        }
        return this;
    }

    CsvRow na() {
        sep();
        sb.append(NA);
        return this;
    }

    CsvRow integer(long v) {
        sep();
        sb.append(v);
        return this;
    }

    CsvRow fixed(double v, int decimals) {
        sep();
        Fmt.fixed(sb, v, decimals);
        return this;
    }

    /** Significant digits; NaN becomes {@code naLiteral}. */
    CsvRow sig(double v, int digits, String naLiteral) {
        sep();
        if (Double.isNaN(v)) {
            sb.append(naLiteral);
        } else {
            Fmt.sig(sb, v, digits);
        }
        return this;
    }

    void writeTo(Writer w) throws IOException {
        sb.append('\n');
        int n = sb.length();
        if (buf.length < n) {
            buf = new char[Math.max(n, buf.length * 2)];
        }
        sb.getChars(0, n, buf, 0);
        w.write(buf, 0, n);
        sb.setLength(0);
        first = true;
    }

    static boolean needsQuotes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    static void appendMinimal(StringBuilder sb, String s) {
        if (needsQuotes(s)) {
            appendQuoted(sb, s);
        } else {
            sb.append(s);
        }
    }

    static void appendQuoted(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    static String minimal(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        appendMinimal(b, s);
        return b.toString();
    }
}
