package org.miracs.io;

/**
 * Bad input data: one line that names the file, where in it (row and/or column) and what was
 * expected. Serializable so that it survives the trip from an executor to the driver.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    /** {@code file: what-was-wrong}. */
    public static InputException of(String file, String problem) {
        return new InputException(file + ": " + problem);
    }

    /** {@code file: row R, column 'C': expected E, found 'F'}; row or column may be null. */
    public static InputException at(String file, String row, String column, String expected, String found) {
        StringBuilder sb = new StringBuilder(file).append(": ");
        if (row != null) {
            sb.append("row ").append(row);
        }
        if (column != null) {
            sb.append(row != null ? ", " : "").append("column '").append(column).append('\'');
        }
        sb.append(": expected ").append(expected);
        if (found != null) {
            sb.append(", found '").append(abbreviate(found)).append('\'');
        }
        return new InputException(sb.toString());
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** The first InputException in a cause chain (Spark wraps executor failures), or null. */
    public static InputException findIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InputException ie) {
                return ie;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
