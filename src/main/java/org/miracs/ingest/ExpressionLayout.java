package org.miracs.ingest;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.miracs.io.CsvRecords;
import org.miracs.io.InputException;

/**
 * The two layouts of DepMap's model-level expression matrices, recognised from the header:
 * <ul>
 *   <li>24Q4 ({@code OmicsExpressionProteinCodingGenesTPMLogp1[BatchCorrected].csv}): an empty first
 *       header cell over the ModelID column, then one column per gene;</li>
 *   <li>25Q2+ ({@code OmicsExpressionTPMLogp1HumanProteinCodingGenes.csv}): leading id columns
 *       SequencingID, ModelID, IsDefaultEntryForModel, ModelConditionID, IsDefaultEntryForMC.</li>
 * </ul>
 * Gene columns are {@code SYMBOL (ENTREZ)}.
 */
public final class ExpressionLayout implements Serializable {
    private static final long serialVersionUID = 1L;
    static final List<String> ID_COLUMNS_2025 = List.of("SequencingID", "ModelID", "IsDefaultEntryForModel",
            "ModelConditionID", "IsDefaultEntryForMC");
    private static final Pattern GENE_COLUMN = Pattern.compile("(.+) \\((\\d+)\\)");

    private final String file;
    private final int modelIdColumn;
    private final int defaultEntryColumn; // -1 in the 24Q4 layout
    private final int firstFeatureColumn;
    private final String[] features;

    private ExpressionLayout(String file, int modelIdColumn, int defaultEntryColumn, String[] features) {
        this.file = file;
        this.modelIdColumn = modelIdColumn;
        this.defaultEntryColumn = defaultEntryColumn;
        this.firstFeatureColumn = defaultEntryColumn < 0 ? 1 : ID_COLUMNS_2025.size();
        this.features = features;
    }

    public static ExpressionLayout fromHeader(String file, String headerLine) {
        String[] header;
        try {
            header = CsvRecords.splitLine(headerLine);
        } catch (IllegalArgumentException e) {
            throw InputException.at(file, "1 (header)", null, "a CSV header", e.getMessage());
        }
        ExpressionLayout layout;
        if (header[0].isEmpty()) {
            layout = new ExpressionLayout(file, 0, -1, Arrays.copyOfRange(header, 1, header.length));
        } else if (header[0].equals(ID_COLUMNS_2025.get(0))) {
            for (int i = 0; i < ID_COLUMNS_2025.size(); i++) {
                if (i >= header.length || !header[i].equals(ID_COLUMNS_2025.get(i))) {
                    throw InputException.at(file, "1 (header)", "column " + (i + 1),
                            "the 25Q2+ id columns " + String.join(", ", ID_COLUMNS_2025),
                            i < header.length ? header[i] : "end of header");
                }
            }
            layout = new ExpressionLayout(file, 1, 2,
                    Arrays.copyOfRange(header, ID_COLUMNS_2025.size(), header.length));
        } else {
            throw InputException.at(file, "1 (header)", "column 1",
                    "an empty first header cell (24Q4 layout) or SequencingID,ModelID,IsDefaultEntryForModel,... (25Q2+ layout)",
                    header[0]);
        }
        layout.validateFeatures();
        return layout;
    }

    private void validateFeatures() {
        if (features.length == 0) {
            throw InputException.at(file, "1 (header)", null, "gene columns 'SYMBOL (ENTREZ)' after the id column(s)", "none");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < features.length; i++) {
            Integer previous = seen.put(features[i], i);
            if (features[i].isEmpty()) {
                throw InputException.at(file, "1 (header)", "column " + (i + firstFeatureColumn + 1),
                        "a gene column name 'SYMBOL (ENTREZ)'", "an empty name");
            }
            if (previous != null) {
                throw InputException.at(file, "1 (header)", features[i], "each gene column once",
                        "columns " + (previous + firstFeatureColumn + 1) + " and " + (i + firstFeatureColumn + 1));
            }
        }
    }

    /** The id cells of a data line: {model id, default-entry flag or null}. */
    public String[] ids(String line) {
        String[] cells = CsvRecords.splitPrefix(line, firstFeatureColumn);
        if (cells.length < firstFeatureColumn) {
            throw InputException.at(file, null, null, (features.length + firstFeatureColumn) + " fields per row",
                    cells.length + " fields in a row starting '" + line.substring(0, Math.min(30, line.length())) + "'");
        }
        String modelId = cells[modelIdColumn];
        if (!ModelTable.MODEL_ID_PATTERN.matcher(modelId).matches()) {
            throw InputException.at(file, modelId, isLayout2025() ? "ModelID" : "column 1 (ModelID)",
                    "a DepMap ModelID like ACH-000001", modelId);
        }
        String flag = null;
        if (isLayout2025()) {
            flag = cells[defaultEntryColumn];
            if (!flag.equals("Yes") && !flag.equals("No")) {
                throw InputException.at(file, modelId, "IsDefaultEntryForModel", "Yes or No", flag);
            }
        }
        return new String[] {modelId, flag};
    }

    /** The gene values of a data line, NaN where missing; an InputException names the row and gene. */
    public double[] values(String line) {
        String[] cells;
        String modelId = ids(line)[0];
        try {
            cells = CsvRecords.splitLine(line);
        } catch (IllegalArgumentException e) {
            throw InputException.at(file, modelId, null, "well-formed CSV", e.getMessage());
        }
        if (cells.length != features.length + firstFeatureColumn) {
            throw InputException.at(file, modelId, null, (features.length + firstFeatureColumn) + " fields as in the header",
                    cells.length + " fields");
        }
        double[] values = new double[features.length];
        for (int j = 0; j < features.length; j++) {
            String cell = cells[j + firstFeatureColumn];
            try {
                values[j] = org.miracs.io.Numbers.parseOrNaN(cell);
            } catch (NumberFormatException e) {
                throw InputException.at(file, modelId, features[j], "a number (log2(TPM+1)) or NA", cell);
            }
        }
        return values;
    }

    public String file() {
        return file;
    }

    public boolean isLayout2025() {
        return defaultEntryColumn >= 0;
    }

    public int idColumnCount() {
        return firstFeatureColumn;
    }

    public int modelIdColumn() {
        return modelIdColumn;
    }

    public int defaultEntryColumn() {
        return defaultEntryColumn;
    }

    public int firstFeatureColumn() {
        return firstFeatureColumn;
    }

    public String[] features() {
        return features.clone();
    }

    public int featureCount() {
        return features.length;
    }

    /** The gene symbol of a 'SYMBOL (ENTREZ)' column, or the whole name if it has another form. */
    public static String geneSymbol(String feature) {
        Matcher m = GENE_COLUMN.matcher(feature);
        return m.matches() ? m.group(1) : feature;
    }

    /** The Entrez id of a 'SYMBOL (ENTREZ)' column, or null. */
    public static String entrezId(String feature) {
        Matcher m = GENE_COLUMN.matcher(feature);
        return m.matches() ? m.group(2) : null;
    }
}
