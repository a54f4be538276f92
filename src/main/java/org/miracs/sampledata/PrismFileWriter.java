package org.miracs.sampledata;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.SplittableRandom;

/**
 * PRISM Repurposing 19Q4 secondary-screen-dose-response-curve-parameters.csv: 20 columns, one row per fitted curve
 * (compound x cell line x screen, plus PR500/PR300 duplicates inside MTS010). readr-style CSV: minimal quoting
 * (multi-valued moa/target/indication/smiles fields are quoted because they contain ", "), NA literal for missing
 * values, TRUE/FALSE for passed_str_profiling, numbers with 6 significant digits (scientific below 1e-4).
 */
final class PrismFileWriter {
    private PrismFileWriter() {
    }

    static final List<String> COLUMNS = List.of(
        "broad_id", "depmap_id", "ccle_name", "screen_id", "upper_limit", "lower_limit", "slope", "r2", "auc",
        "ec50", "ic50", "name", "moa", "target", "disease.area", "indication", "smiles", "phase",
        "passed_str_profiling", "row_name");

    static final double FAILED_FIT_RATE = 0.004;
    static final double DROPOUT_RATE = 0.02;

    /** @return {rows, rows with NA auc} */
    static long[] write(World w, Writer out) throws IOException {
        CsvRow row = new CsvRow(512);
        for (String c : COLUMNS) {
            row.raw(c);
        }
        row.writeTo(out);
        double[] fit = new double[6];
        long rows = 0;
        long naAuc = 0;
        for (World.Drug d : w.drugs) {
            SplittableRandom r = Rand.stream(w.seed, "prism-rows", d.idx);
            for (int s : d.screens) {
                for (World.Line l : w.prismLines) {
                    if (!l.prismScreens[s] || r.nextDouble() < DROPOUT_RATE) {
                        continue;
                    }
                    double truth = w.trueResponse(d, l);
                    int panels = s == World.MTS010 && l.prismMts010Duplicate ? 2 : 1;
                    for (int k = 0; k < panels; k++) {
                        row.raw(d.broadId);
                        row.text(l.prismDepmapNa ? null : l.modelId);
                        row.text(l.ccleName);
                        row.raw(World.SCREENS[s]);
                        boolean failed = r.nextDouble() < FAILED_FIT_RATE;
                        if (failed) {
                            for (int i = 0; i < 7; i++) {
                                row.na();
                            }
                            naAuc++;
                        } else {
                            double auc = truth + d.screenOffset[s] + World.ROW_NOISE_SD * Rand.gaussian(r);
                            auc = Math.min(1.48, Math.max(0.02, auc));
                            Curve.fit(auc, r, fit);
                            row.sig(fit[Curve.UPPER], 6, CsvRow.NA);
                            row.sig(fit[Curve.LOWER], 6, CsvRow.NA);
                            row.sig(fit[Curve.SLOPE], 6, CsvRow.NA);
                            row.sig(fit[Curve.R2], 6, CsvRow.NA);
                            row.sig(auc, 6, CsvRow.NA);
                            row.sig(fit[Curve.EC50], 6, CsvRow.NA);
                            row.sig(fit[Curve.IC50], 6, CsvRow.NA);
                        }
                        row.raw(d.csvTail);
                        row.raw(l.prismStrFail ? "FALSE" : "TRUE");
                        row.text(l.prismDepmapNa ? l.ccleName : l.modelId);
                        row.writeTo(out);
                        rows++;
                    }
                }
            }
        }
        return new long[]{rows, naAuc};
    }
}
