package org.miracs.integrate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.miracs.integrate.mofa.MofaData;
import org.miracs.integrate.mofa.ZInit;
import org.miracs.io.InputException;
import org.miracs.io.Numbers;

/**
 * Starting E[Z] per group from {@code z_init_<group>.tsv} files (first column {@code sample}, then one
 * column per factor in the model's internal order): warm starts, and parity runs from mofapy2's own
 * initialisation.
 */
public final class FactorInit {
    private FactorInit() {}

    public static ZInit read(Path dir, MofaData data, int factors) {
        List<double[][]> perGroup = new ArrayList<>();
        for (int g = 0; g < data.numGroups(); g++) {
            String group = data.groupNames().get(g);
            Path file = dir.resolve("z_init_" + group + ".tsv");
            perGroup.add(readGroup(file, data.sampleNames(g), factors));
        }
        return ZInit.given(perGroup);
    }

    static double[][] readGroup(Path file, List<String> samples, int factors) {
        if (!Files.exists(file)) {
            throw InputException.of(file.toString(), "missing file: expected starting factor values for this group");
        }
        Map<String, double[]> rows = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String[] header = r.readLine().split("\t", -1);
            if (header.length != factors + 1 || !header[0].equals("sample")) {
                throw InputException.at(file.toString(), "1 (header)", null,
                        "'sample' and " + factors + " factor columns", header.length + " columns starting '" + header[0] + "'");
            }
            String line;
            int row = 1;
            while ((line = r.readLine()) != null) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length != factors + 1) {
                    throw InputException.at(file.toString(), Integer.toString(row), null, (factors + 1) + " fields",
                            c.length + " fields");
                }
                double[] z = new double[factors];
                for (int k = 0; k < factors; k++) {
                    try {
                        z[k] = Numbers.parseOrNaN(c[k + 1]);
                    } catch (NumberFormatException e) {
                        throw InputException.at(file.toString(), c[0], header[k + 1], "a number", c[k + 1]);
                    }
                }
                if (rows.put(c[0], z) != null) {
                    throw InputException.at(file.toString(), Integer.toString(row), "sample", "each sample once", c[0]);
                }
            }
        } catch (IOException e) {
            throw InputException.of(file.toString(), "cannot read: " + e.getMessage());
        }
        double[][] out = new double[samples.size()][];
        for (int i = 0; i < samples.size(); i++) {
            out[i] = rows.get(samples.get(i));
            if (out[i] == null) {
                throw InputException.at(file.toString(), null, "sample", "a row for sample " + samples.get(i), null);
            }
        }
        return out;
    }
}
