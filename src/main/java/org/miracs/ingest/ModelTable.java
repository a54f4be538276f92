package org.miracs.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.miracs.io.CsvRecords;
import org.miracs.io.InputException;
import org.miracs.io.Numbers;

/**
 * DepMap's Model.csv, read by column name (the column order changed between releases): ModelID,
 * CCLEName (the bridge to proteomics and PRISM) and OncotreeLineage (the MOFA groups).
 */
public final class ModelTable implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String MODEL_ID = "ModelID";
    static final String CCLE_NAME = "CCLEName";
    static final String LINEAGE = "OncotreeLineage";
    static final Pattern MODEL_ID_PATTERN = Pattern.compile("ACH-\\d+");

    private final Map<String, ModelRecord> byModelId;
    private final Map<String, String> modelIdByCcleName;

    private final java.util.List<String> ambiguousCcleNames;

    private ModelTable(Map<String, ModelRecord> byModelId, Map<String, String> modelIdByCcleName,
                       java.util.List<String> ambiguousCcleNames) {
        this.byModelId = byModelId;
        this.modelIdByCcleName = modelIdByCcleName;
        this.ambiguousCcleNames = ambiguousCcleNames;
    }

    /** CCLE names carried by more than one model; they bridge nothing. */
    public java.util.List<String> ambiguousCcleNames() {
        return ambiguousCcleNames;
    }

    public static ModelTable read(String file, BufferedReader input) throws IOException {
        // physical line numbers, as an editor shows them (free-text fields may span lines)
        java.io.LineNumberReader reader = new java.io.LineNumberReader(input);
        String[] header = CsvRecords.readRecord(reader);
        if (header == null) {
            throw InputException.of(file, "the file is empty; expected a header with ModelID, CCLEName, OncotreeLineage");
        }
        if (header.length > 0 && header[0].startsWith("\uFEFF")) {
            header[0] = header[0].substring(1);
        }
        HeaderIndex columns = new HeaderIndex(file, header);
        int idCol = columns.require(MODEL_ID);
        int ccleCol = columns.require(CCLE_NAME);
        int lineageCol = columns.require(LINEAGE);
        Map<String, ModelRecord> byId = new LinkedHashMap<>();
        Map<String, String> byCcle = new HashMap<>();
        java.util.Set<String> ambiguous = new java.util.TreeSet<>();
        String[] fields;
        while (true) {
            long row = reader.getLineNumber() + 1;
            try {
                fields = CsvRecords.readRecord(reader);
            } catch (IllegalArgumentException e) {
                throw InputException.at(file, Long.toString(row), null, "well-formed CSV", e.getMessage());
            }
            if (fields == null) {
                break;
            }
            if (fields.length == 1 && fields[0].isEmpty()) {
                continue;
            }
            if (fields.length != header.length) {
                throw InputException.at(file, Long.toString(row), null, header.length + " fields as in the header",
                        fields.length + " fields");
            }
            String modelId = fields[idCol];
            if (!MODEL_ID_PATTERN.matcher(modelId).matches()) {
                throw InputException.at(file, Long.toString(row), MODEL_ID, "a DepMap ModelID like ACH-000001", modelId);
            }
            String ccle = orNull(fields[ccleCol]);
            String lineage = orNull(fields[lineageCol]);
            if (byId.put(modelId, new ModelRecord(modelId, ccle, lineage)) != null) {
                throw InputException.at(file, Long.toString(row), MODEL_ID, "each ModelID once", modelId + " again");
            }
            if (ccle != null && !ambiguous.contains(ccle) && byCcle.putIfAbsent(ccle, modelId) != null) {
                // Two models claim one CCLE name: neither can be bridged to proteomics or PRISM safely.
                byCcle.remove(ccle);
                ambiguous.add(ccle);
            }
        }
        if (byId.isEmpty()) {
            throw InputException.of(file, "no model rows after the header");
        }
        return new ModelTable(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(byCcle),
                java.util.List.copyOf(ambiguous));
    }

    private static String orNull(String s) {
        String t = s.trim();
        return Numbers.isMissing(t) ? null : t;
    }

    public ModelRecord get(String modelId) {
        return byModelId.get(modelId);
    }

    public boolean contains(String modelId) {
        return byModelId.containsKey(modelId);
    }

    /** The ModelID of a CCLE name, or null. */
    public String modelIdOfCcleName(String ccleName) {
        return modelIdByCcleName.get(ccleName);
    }

    public Collection<ModelRecord> all() {
        return byModelId.values();
    }

    public int size() {
        return byModelId.size();
    }

    public long withCcleName() {
        return modelIdByCcleName.size();
    }

    public long withLineage() {
        return byModelId.values().stream().filter(m -> m.lineageName() != null).count();
    }
}
