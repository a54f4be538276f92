package org.miracs.sampledata;

import java.util.Locale;

/** Which DepMap expression file layout to write. */
public enum ExpressionLayout {
    /**
     * DepMap 24Q4 (the release MIRACS used): {@value SampleDataGenerator#EXPRESSION_LEGACY_FILE}; first header cell
     * empty, one row per ModelID, columns {@code SYMBOL (ENTREZ)}.
     */
    LEGACY("legacy", SampleDataGenerator.EXPRESSION_LEGACY_FILE),
    /**
     * DepMap 25Q2+ layout: {@value SampleDataGenerator#EXPRESSION_2025_FILE}; leading columns SequencingID, ModelID,
     * IsDefaultEntryForModel, ModelConditionID, IsDefaultEntryForMC, then genes; one row per sequencing run.
     */
    V2025("2025", SampleDataGenerator.EXPRESSION_2025_FILE);

    private final String cliName;
    private final String fileName;

    ExpressionLayout(String cliName, String fileName) {
        this.cliName = cliName;
        this.fileName = fileName;
    }

    public String cliName() {
        return cliName;
    }

    public String fileName() {
        return fileName;
    }

    public static ExpressionLayout fromCli(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (ExpressionLayout l : values()) {
            if (l.cliName.equals(k) || l.name().toLowerCase(Locale.ROOT).equals(k)) {
                return l;
            }
        }
        if (k.equals("25q2") || k.equals("new")) {
            return V2025;
        }
        throw new IllegalArgumentException("unknown expression layout '" + s + "' (expected legacy|2025)");
    }
}
