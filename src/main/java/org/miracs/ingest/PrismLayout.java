package org.miracs.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.miracs.io.CsvRecords;
import org.miracs.io.InputException;
import org.miracs.io.Numbers;

/**
 * PRISM Repurposing 19Q4 {@code secondary-screen-dose-response-curve-parameters.csv}: one fitted
 * dose-response curve per row, columns read by name.
 */
public final class PrismLayout implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String BROAD_ID = "broad_id";
    static final String DEPMAP_ID = "depmap_id";
    static final String CCLE_NAME = "ccle_name";
    static final String SCREEN_ID = "screen_id";
    static final String AUC = "auc";
    static final String NAME = "name";
    static final String MOA = "moa";
    static final String TARGET = "target";
    static final String PHASE = "phase";
    static final String PASSED_STR = "passed_str_profiling";

    /** One curve; {@code auc} is NaN when the fit failed (NA), {@code strPassed} null when unknown. */
    public record Curve(String broadId, String depmapId, String ccleName, String screenId, double auc, String name,
                        String[] moas, String[] targets, String phase, Boolean strPassed) implements Serializable {}

    private final String file;
    private final int columnCount;
    private final int broadId;
    private final int depmapId;
    private final int ccleName;
    private final int screenId;
    private final int auc;
    private final int name;
    private final int moa;
    private final int target;
    private final int phase;
    private final int passedStr;

    private PrismLayout(String file, String[] header) {
        HeaderIndex index = new HeaderIndex(file, header);
        this.file = file;
        this.columnCount = header.length;
        this.broadId = index.require(BROAD_ID);
        this.depmapId = index.require(DEPMAP_ID);
        this.ccleName = index.require(CCLE_NAME);
        this.screenId = index.require(SCREEN_ID);
        this.auc = index.require(AUC);
        this.name = index.require(NAME);
        this.moa = index.require(MOA);
        this.target = index.require(TARGET);
        this.phase = index.require(PHASE);
        this.passedStr = index.require(PASSED_STR);
    }

    public static PrismLayout fromHeader(String file, String headerLine) {
        try {
            return new PrismLayout(file, CsvRecords.splitLine(headerLine));
        } catch (IllegalArgumentException e) {
            throw InputException.at(file, "1 (header)", null, "a CSV header", e.getMessage());
        }
    }

    public Curve parse(String line) {
        String[] c;
        try {
            c = CsvRecords.splitLine(line);
        } catch (IllegalArgumentException e) {
            throw InputException.at(file, "starting '" + line.substring(0, Math.min(40, line.length())) + "'", null,
                    "well-formed CSV", e.getMessage());
        }
        String row = c.length > Math.max(broadId, Math.max(depmapId, screenId))
                ? c[broadId] + " / " + c[depmapId] + " / " + c[screenId]
                : "starting '" + line.substring(0, Math.min(40, line.length())) + "'";
        if (c.length != columnCount) {
            throw InputException.at(file, row, null, columnCount + " fields as in the header", c.length + " fields");
        }
        if (Numbers.isMissing(c[broadId])) {
            throw InputException.at(file, row, BROAD_ID, "a compound id like BRD-K12345678-001-01-1", c[broadId]);
        }
        if (Numbers.isMissing(c[screenId])) {
            throw InputException.at(file, row, SCREEN_ID, "a screen id (MTS010, MTS006, MTS005, HTS002)", c[screenId]);
        }
        double aucValue;
        try {
            aucValue = Numbers.parseOrNaN(c[auc]);
        } catch (NumberFormatException e) {
            throw InputException.at(file, row, AUC, "a number or NA", c[auc]);
        }
        return new Curve(c[broadId], orNull(c[depmapId]), orNull(c[ccleName]), c[screenId], aucValue,
                orNull(c[name]), splitList(c[moa]), splitList(c[target]), orNull(c[phase]), strFlag(row, c[passedStr]));
    }

    private Boolean strFlag(String row, String cell) {
        String v = cell.trim().toUpperCase(Locale.ROOT);
        if (v.equals("TRUE")) {
            return Boolean.TRUE;
        }
        if (v.equals("FALSE")) {
            return Boolean.FALSE;
        }
        if (Numbers.isMissing(cell.trim())) {
            return null;
        }
        throw InputException.at(file, row, PASSED_STR, "TRUE, FALSE or NA", cell);
    }

    private static String orNull(String s) {
        String t = s.trim();
        return Numbers.isMissing(t) ? null : t;
    }

    /**
     * A multi-valued PRISM field ("topoisomerase inhibitor, DNA inhibitor"): split on commas, trimmed,
     * duplicates and NA removed, order kept. A drug with two MoAs belongs to both MoA sets.
     */
    public static String[] splitList(String field) {
        if (Numbers.isMissing(field.trim())) {
            return new String[0];
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : field.split(",")) {
            String t = part.trim();
            if (!t.isEmpty() && !Numbers.isMissing(t)) {
                out.add(t);
            }
        }
        return out.toArray(new String[0]);
    }

    static List<String> asList(String[] values) {
        return new ArrayList<>(List.of(values));
    }
}
