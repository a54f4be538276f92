package org.miracs.sampledata;

import java.util.Locale;

/** Preset sizes. {@link #params()} gives the full parameter set. */
public enum Scale {
    /** Small committed sample (a few MB): 6 main lineages of 14-17 proteomics lines plus a 2-line lineage. */
    SAMPLE("sample"),
    /** Sizes of the MIRACS paper: 370 lines with both omics in 22 lineages, 1,673 RNA lines, 1,502 compounds. */
    PAPER("paper"),
    /** Ten times the paper's cell lines (3,700 with both omics), same feature and drug counts. */
    TEN_X("10x");

    private final String cliName;

    Scale(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public ScaleParams params() {
        switch (this) {
            case SAMPLE:
                return ScaleParams.sample();
            case PAPER:
                return ScaleParams.paper();
            case TEN_X:
                return ScaleParams.tenX();
            default:
                throw new AssertionError(this);
        }
    }

    public static Scale fromCli(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (Scale sc : values()) {
            if (sc.cliName.equals(k) || sc.name().toLowerCase(Locale.ROOT).equals(k)) {
                return sc;
            }
        }
        throw new IllegalArgumentException("unknown scale '" + s + "' (expected sample|paper|10x)");
    }
}
