package org.miracs.sampledata;

import java.io.IOException;
import java.io.Writer;
import java.util.SplittableRandom;

/**
 * protein_quant_current_normalized.csv (Nusinow et al. 2020 layout): 6 annotation columns, one TenPxNN_Peptides
 * column per plex (plexes not in numeric order), then one {@code <CCLEName>_TenPxNN} column per sample, grouped by
 * plex. Values: log2 relative abundance centred near 0, 6 significant digits, missing as {@code NaN}. Peptide
 * counts are integers (0 when the protein was not quantified in that plex). Minimal CSV quoting (only Description
 * fields containing commas are quoted); empty Gene_Symbol is an empty field.
 */
final class ProteomicsFileWriter {
    private ProteomicsFileWriter() {
    }

    static final String MISSING = "NaN";

    /** @return {rows, rows with >= 50% of sample columns observed} */
    static long[] write(World w, Writer out) throws IOException {
        CsvRow row = new CsvRow(w.sampleColumns.size() * 12 + 1024);
        row.raw("Protein_Id").raw("Gene_Symbol").raw("Description").raw("Group_ID").raw("Uniprot")
                .raw("Uniprot_Acc");
        for (World.Plex x : w.plexOutputOrder) {
            row.raw(x.name() + "_Peptides");
        }
        for (World.SampleColumn c : w.sampleColumns) {
            row.text(c.name());
        }
        row.writeTo(out);
        long rows = 0;
        long kept = 0;
        int nCols = w.sampleColumns.size();
        for (World.Protein pr : w.proteins) {
            SplittableRandom r = Rand.stream(w.seed, "protein-values", pr.idx);
            row.text(pr.proteinId);
            row.textOrEmpty(pr.emptySymbol ? null : pr.gene.symbol);
            row.text(pr.description);
            row.integer(pr.groupId);
            row.text(pr.entryName);
            row.text(pr.accession);
            for (World.Plex x : w.plexOutputOrder) {
                if (pr.missingPlex[x.idx]) {
                    row.integer(0);
                } else {
                    int n = pr.basePeptides + (int) Math.round(0.15 * pr.basePeptides * Rand.gaussian(r));
                    row.integer(Math.max(1, n));
                }
            }
            int observed = 0;
            for (World.SampleColumn c : w.sampleColumns) {
                double v = w.proteinValue(pr, c, r);
                boolean missing = pr.missingPlex[c.plex.idx] || r.nextDouble() < pr.sporadicMissing;
                if (missing) {
                    row.raw(MISSING);
                } else {
                    row.sig(v, 6, MISSING);
                    observed++;
                }
            }
            row.writeTo(out);
            rows++;
            if (2L * observed >= nCols) {
                kept++;
            }
        }
        return new long[]{rows, kept};
    }
}
