package org.miracs.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.miracs.io.CsvRecords;
import org.miracs.io.InputException;
import org.miracs.io.Numbers;

/**
 * The header of CCLE proteomics {@code protein_quant_current_normalized.csv} (Nusinow et al. 2020):
 * metadata columns, per-plex peptide counts {@code TenPxNN_Peptides} (skipped) and sample columns
 * {@code <CCLEName>_TenPxNN}. Anything else means the file is not that table.
 */
public final class ProteomicsLayout implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String PROTEIN_ID = "Protein_Id";
    static final String GENE_SYMBOL = "Gene_Symbol";
    static final String UNIPROT_ACC = "Uniprot_Acc";
    private static final Set<String> METADATA = Set.of(PROTEIN_ID, GENE_SYMBOL, "Description", "Group_ID", "Uniprot",
            UNIPROT_ACC);
    private static final Pattern PEPTIDES = Pattern.compile("TenPx\\d+_Peptides");
    private static final Pattern SAMPLE = Pattern.compile("(.+)_(TenPx(\\d+))");

    /** One sample column: the line it measured and in which 10-plex. */
    public record SampleColumn(int column, String ccleName, String plex, int plexNumber) implements Serializable {}

    private final String file;
    private final int columnCount;
    private final int proteinIdColumn;
    private final int geneSymbolColumn;
    private final int uniprotAccColumn; // -1 if absent
    private final List<SampleColumn> samples;

    private ProteomicsLayout(String file, int columnCount, int proteinIdColumn, int geneSymbolColumn,
                             int uniprotAccColumn, List<SampleColumn> samples) {
        this.file = file;
        this.columnCount = columnCount;
        this.proteinIdColumn = proteinIdColumn;
        this.geneSymbolColumn = geneSymbolColumn;
        this.uniprotAccColumn = uniprotAccColumn;
        this.samples = samples;
    }

    public static ProteomicsLayout fromHeader(String file, String headerLine) {
        String[] header;
        try {
            header = CsvRecords.splitLine(headerLine);
        } catch (IllegalArgumentException e) {
            throw InputException.at(file, "1 (header)", null, "a CSV header", e.getMessage());
        }
        HeaderIndex index = new HeaderIndex(file, header);
        int proteinId = index.require(PROTEIN_ID);
        int geneSymbol = index.require(GENE_SYMBOL);
        int uniprotAcc = index.has(UNIPROT_ACC) ? index.require(UNIPROT_ACC) : -1;
        List<SampleColumn> samples = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i];
            if (METADATA.contains(name) || PEPTIDES.matcher(name).matches()) {
                continue;
            }
            Matcher m = SAMPLE.matcher(name);
            if (!m.matches()) {
                throw InputException.at(file, "1 (header)", name,
                        "a metadata column, a TenPxNN_Peptides column or a sample column <CCLEName>_TenPxNN", name);
            }
            samples.add(new SampleColumn(i, m.group(1), m.group(2), Integer.parseInt(m.group(3))));
        }
        if (samples.isEmpty()) {
            throw InputException.at(file, "1 (header)", null, "sample columns <CCLEName>_TenPxNN", "none");
        }
        return new ProteomicsLayout(file, header.length, proteinId, geneSymbol, uniprotAcc, List.copyOf(samples));
    }

    public List<SampleColumn> samples() {
        return samples;
    }

    /** One protein row: ids and the values of every sample column (in {@link #samples()} order). */
    public record ProteinRow(String proteinId, String geneSymbol, String uniprotAcc, double[] values)
            implements Serializable {}

    public ProteinRow parse(String line) {
        String[] cells;
        try {
            cells = CsvRecords.splitLine(line);
        } catch (IllegalArgumentException e) {
            throw InputException.at(file, firstCell(line), null, "well-formed CSV", e.getMessage());
        }
        String proteinId = cells.length > proteinIdColumn ? cells[proteinIdColumn] : "";
        if (cells.length != columnCount) {
            throw InputException.at(file, proteinId, null, columnCount + " fields as in the header", cells.length + " fields");
        }
        if (proteinId.isEmpty()) {
            throw InputException.at(file, firstCell(line), PROTEIN_ID, "a protein id", "an empty cell");
        }
        double[] values = new double[samples.size()];
        for (int s = 0; s < values.length; s++) {
            SampleColumn column = samples.get(s);
            String cell = cells[column.column()];
            try {
                values[s] = Numbers.parseOrNaN(cell);
            } catch (NumberFormatException e) {
                throw InputException.at(file, proteinId, column.ccleName() + "_" + column.plex(),
                        "a number (normalised abundance) or NaN/NA/empty", cell);
            }
        }
        String gene = cells[geneSymbolColumn].trim();
        String acc = uniprotAccColumn < 0 ? null : cells[uniprotAccColumn].trim();
        return new ProteinRow(proteinId, Numbers.isMissing(gene) ? null : gene,
                acc == null || Numbers.isMissing(acc) ? null : acc, values);
    }

    private static String firstCell(String line) {
        try {
            return CsvRecords.firstField(line);
        } catch (IllegalArgumentException e) {
            return line.substring(0, Math.min(30, line.length()));
        }
    }
}
