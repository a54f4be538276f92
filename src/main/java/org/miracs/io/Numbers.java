package org.miracs.io;

/** Strict parsing of the numeric cells of the public files. */
public final class Numbers {
    private Numbers() {}

    /** True for the literals the public files use for a missing value: empty, NA, NaN, nan. */
    public static boolean isMissing(String s) {
        return s.isEmpty() || s.equals("NA") || s.equals("NaN") || s.equals("nan") || s.equals("NULL");
    }

    /**
     * A decimal number, or NaN for a missing literal. Rejects what {@link Double#parseDouble} would
     * quietly accept but no public file contains (Infinity, hex, a trailing d or f).
     */
    public static double parseOrNaN(String s) {
        if (isMissing(s)) {
            return Double.NaN;
        }
        // only decimal notation: Double.parseDouble alone would also take hex, 'Infinity' and a 'd' suffix
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                throw new NumberFormatException(s);
            }
        }
        return Double.parseDouble(s);
    }
}
