package org.miracs.sampledata;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * log2(TPM+1) expression, streamed one row (cell line / sequencing run) at a time. Values >= 0 with 6 decimals.
 * Header: legacy = empty first cell then {@code SYMBOL (ENTREZ)}; 2025 = five ID columns then genes.
 */
final class ExpressionFileWriter {
    private ExpressionFileWriter() {
    }

    static final List<String> ID_COLUMNS_2025 = List.of(
        "SequencingID", "ModelID", "IsDefaultEntryForModel", "ModelConditionID", "IsDefaultEntryForMC");

    /** @return number of data rows */
    static long write(World w, ExpressionLayout layout, Writer out) throws IOException {
        int nGenes = w.genes.size();
        CsvRow row = new CsvRow(nGenes * 10 + 256);
        if (layout == ExpressionLayout.LEGACY) {
            row.raw("");
        } else {
            for (String c : ID_COLUMNS_2025) {
                row.raw(c);
            }
        }
        for (int gi : w.geneColumnOrder) {
            row.text(w.genes.get(gi).column());
        }
        row.writeTo(out);

        // 2025 layout: a few models get an extra, non-default sequencing run written before the default one
        Set<Integer> extra = new HashSet<>();
        SplittableRandom ids = Rand.stream(w.seed, "sequencing-ids");
        if (layout == ExpressionLayout.V2025) {
            for (int i : Rand.choose(w.rnaLines.size(), Math.min(w.p.extraSequencingRows(), w.rnaLines.size()),
                    Rand.stream(w.seed, "extra-sequencing"))) {
                extra.add(w.rnaLines.get(i).idx);
            }
        }
        Set<String> usedIds = new HashSet<>();
        long rows = 0;
        for (World.Line l : w.rnaLines) {
            if (layout == ExpressionLayout.LEGACY) {
                row.raw(l.modelId);
                appendValues(w, l, Rand.stream(w.seed, "rna", l.idx), row);
                row.writeTo(out);
                rows++;
                continue;
            }
            String mc = String.format(Locale.ROOT, "MC-%06d-%s", l.modelNumber, Rand.lowerAlnum(ids, 4));
            if (extra.contains(l.idx)) {
                boolean sameMc = ids.nextBoolean();
                String mc2 = sameMc ? mc : String.format(Locale.ROOT, "MC-%06d-%s", l.modelNumber,
                        Rand.lowerAlnum(ids, 4));
                row.raw(newSeqId(ids, usedIds)).raw(l.modelId).raw("No").raw(mc2).raw(sameMc ? "No" : "Yes");
                appendValues(w, l, Rand.stream(w.seed, "rna-extra", l.idx), row);
                row.writeTo(out);
                rows++;
            }
            row.raw(newSeqId(ids, usedIds)).raw(l.modelId).raw("Yes").raw(mc).raw("Yes");
            appendValues(w, l, Rand.stream(w.seed, "rna", l.idx), row);
            row.writeTo(out);
            rows++;
        }
        return rows;
    }

    private static String newSeqId(SplittableRandom r, Set<String> used) {
        while (true) {
            String s = "CDS-" + Rand.alnum(r, 6);
            if (used.add(s)) {
                return s;
            }
        }
    }

    private static void appendValues(World w, World.Line l, SplittableRandom r, CsvRow row) {
        List<World.Gene> genes = w.genes;
        for (int gi : w.geneColumnOrder) {
            World.Gene g = genes.get(gi);
            double lat = w.geneLatent(l, g, 1.0);
            double y = g.mu + g.sd * (lat + World.RNA_NOISE_SD * Rand.fastGaussian(r.nextLong()));
            row.fixed(y < 0 ? 0.0 : y, 6);
        }
    }

    static List<String> header(World w, ExpressionLayout layout) {
        List<String> h = new ArrayList<>();
        if (layout == ExpressionLayout.LEGACY) {
            h.add("");
        } else {
            h.addAll(ID_COLUMNS_2025);
        }
        for (int gi : w.geneColumnOrder) {
            h.add(w.genes.get(gi).column());
        }
        return h;
    }
}
