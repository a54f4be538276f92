package org.miracs.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.miracs.io.CsvRecords;
import org.miracs.io.InputException;
import org.miracs.io.Numbers;

/**
 * The inputs of {@code bin/miracs enrich}: a long CSV of scores {@code sample,drug,score} (one row per
 * (sample, drug) of a complete samples x drugs matrix) and a long CSV of sets {@code set,drug}. Bad
 * input is one {@link InputException} line naming the file, the row (line number, header = row 1) and
 * the column. Pure (reads from a reader).
 */
public final class RankedListInputs {
    public static final List<String> SCORES_HEADER = List.of("sample", "drug", "score");
    public static final List<String> SETS_HEADER = List.of("set", "drug");

    private RankedListInputs() {}

    /** A complete matrix; samples and drugs in order of first appearance in the file. */
    public record Scores(String[] samples, String[] drugs, double[][] matrix) {}

    public static Scores readScores(String file, BufferedReader reader) throws IOException {
        Map<String, Integer> samples = new LinkedHashMap<>();
        Map<String, Integer> drugs = new LinkedHashMap<>();
        List<int[]> cells = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        readRows(file, reader, SCORES_HEADER, (row, f) -> {
            String sample = f[0];
            String drug = f[1];
            String raw = f[2].trim();
            double v;
            try {
                v = Numbers.parseOrNaN(raw);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!Double.isFinite(v)) {
                throw InputException.at(file, Integer.toString(row), "score", "a finite number", raw);
            }
            Integer prev = firstRow.putIfAbsent(sample + '\u0000' + drug, row);
            if (prev != null) {
                throw InputException.at(file, Integer.toString(row), null, "each (sample, drug) once",
                        sample + "," + drug + " again, first at row " + prev);
            }
            int s = samples.computeIfAbsent(sample, k -> samples.size());
            int d = drugs.computeIfAbsent(drug, k -> drugs.size());
            cells.add(new int[] {s, d});
            values.add(v);
        });
        String[] sampleIds = samples.keySet().toArray(new String[0]);
        String[] drugIds = drugs.keySet().toArray(new String[0]);
        double[][] m = new double[sampleIds.length][drugIds.length];
        for (double[] row : m) {
            Arrays.fill(row, Double.NaN);
        }
        for (int i = 0; i < cells.size(); i++) {
            m[cells.get(i)[0]][cells.get(i)[1]] = values.get(i);
        }
        for (int s = 0; s < sampleIds.length; s++) {
            for (int d = 0; d < drugIds.length; d++) {
                if (Double.isNaN(m[s][d])) {
                    throw InputException.of(file, "no score for sample '" + sampleIds[s] + "' and drug '" + drugIds[d]
                            + "': expected a score for every (sample, drug) pair (a complete matrix)");
                }
            }
        }
        return new Scores(sampleIds, drugIds, m);
    }

    /** (set, drug) pairs in file order. */
    public static String[][] readSets(String file, BufferedReader reader) throws IOException {
        List<String[]> pairs = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        readRows(file, reader, SETS_HEADER, (row, f) -> {
            Integer prev = firstRow.putIfAbsent(f[0] + '\u0000' + f[1], row);
            if (prev != null) {
                throw InputException.at(file, Integer.toString(row), null, "each (set, drug) once",
                        f[0] + "," + f[1] + " again, first at row " + prev);
            }
            pairs.add(new String[] {f[0], f[1]});
        });
        return pairs.toArray(new String[0][]);
    }

    private interface RowHandler {
        void accept(int row, String[] fields);
    }

    private static void readRows(String file, BufferedReader reader, List<String> header, RowHandler handler)
            throws IOException {
        String line = reader.readLine();
        if (line == null) {
            throw InputException.of(file, "the file is empty; expected the header '" + String.join(",", header) + "'");
        }
        if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        String[] h = split(file, 1, line);
        List<String> found = new ArrayList<>();
        for (String x : h) {
            found.add(x.trim());
        }
        if (!found.equals(header)) {
            throw InputException.at(file, "1 (header)", null, "the header '" + String.join(",", header) + "'", line);
        }
        int row = 1;
        int data = 0;
        while ((line = reader.readLine()) != null) {
            row++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = split(file, row, line);
            if (f.length != header.size()) {
                throw InputException.at(file, Integer.toString(row), null,
                        header.size() + " fields (" + String.join(",", header) + ")", line);
            }
            for (int c = 0; c < header.size() - (header == SCORES_HEADER ? 1 : 0); c++) {
                f[c] = f[c].trim();
                if (f[c].isEmpty()) {
                    throw InputException.at(file, Integer.toString(row), header.get(c), "a non-empty " + header.get(c)
                            + " name", "");
                }
            }
            handler.accept(row, f);
            data++;
        }
        if (data == 0) {
            throw InputException.of(file, "no data rows after the header");
        }
    }

    private static String[] split(String file, int row, String line) {
        try {
            return CsvRecords.splitLine(line);
        } catch (IllegalArgumentException e) {
            throw InputException.at(file, row == 1 ? "1 (header)" : Integer.toString(row), null,
                    "a CSV record (" + e.getMessage() + ")", line);
        }
    }
}
