package org.miracs.compare;

/**
 * How one output table of two runs compares.
 *
 * @param table     the table's path inside a results folder (e.g. {@code enrich/enrichment})
 * @param status    what was found
 * @param rowsA     rows in the first run (-1 when the table is missing there)
 * @param rowsB     rows in the second run (-1 when missing)
 * @param onlyInA   rows of the first run with no equal row in the second
 * @param onlyInB   rows of the second run with no equal row in the first
 * @param example   one differing row, for the log ("" when equal)
 */
public record TableDifference(String table, Status status, long rowsA, long rowsB, long onlyInA, long onlyInB, String example) {

    public enum Status { EQUAL, DIFFERENT, MISSING_IN_A, MISSING_IN_B }

    public boolean equal() {
        return status == Status.EQUAL;
    }

    /** One line for the log and the command's output. */
    public String describe() {
        return switch (status) {
            case EQUAL -> String.format("%-40s equal (%d rows)", table, rowsA);
            case MISSING_IN_A -> String.format("%-40s only in the second run", table);
            case MISSING_IN_B -> String.format("%-40s only in the first run", table);
            case DIFFERENT -> String.format("%-40s DIFFERENT: %d vs %d rows, %d only in the first, %d only in the second; e.g. %s",
                    table, rowsA, rowsB, onlyInA, onlyInB, example);
        };
    }
}
