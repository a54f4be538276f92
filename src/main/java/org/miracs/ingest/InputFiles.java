package org.miracs.ingest;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.miracs.config.MiracsConfig;
import org.miracs.io.InputException;
import org.miracs.io.TextFiles;

/** The four input files inside the data folder, under their real DepMap / CCLE / PRISM names. */
public record InputFiles(String expression, String models, String proteomics, String prism) {
    public static final List<String> EXPRESSION_NAMES = List.of(
            "OmicsExpressionProteinCodingGenesTPMLogp1BatchCorrected.csv",
            "OmicsExpressionProteinCodingGenesTPMLogp1.csv",
            "OmicsExpressionTPMLogp1HumanProteinCodingGenes.csv");
    public static final List<String> PROTEOMICS_NAMES = List.of(
            "protein_quant_current_normalized.csv", "protein_quant_current_normalized.csv.gz");
    public static final List<String> PRISM_NAMES = List.of(
            "secondary-screen-dose-response-curve-parameters.csv",
            "secondary-screen-dose-response-curve-parameters19q.csv");

    public static InputFiles resolve(Configuration conf, String dataDir, MiracsConfig.Inputs names) {
        return new InputFiles(
                pick(conf, dataDir, "input.expression", names.expression(), EXPRESSION_NAMES),
                pick(conf, dataDir, "input.models", names.models(), List.of("Model.csv")),
                pick(conf, dataDir, "input.proteomics", names.proteomics(), PROTEOMICS_NAMES),
                pick(conf, dataDir, "input.prism", names.prism(), PRISM_NAMES));
    }

    private static String pick(Configuration conf, String dataDir, String key, String configured, List<String> known) {
        List<String> candidates = "auto".equals(configured) ? known : List.of(configured);
        for (String name : candidates) {
            // a configured absolute path or URI is used as it is; a bare name is looked up in the data folder
            String path = name.startsWith("/") || name.contains("://") ? name : TextFiles.child(dataDir, name);
            if (TextFiles.exists(conf, path)) {
                return path;
            }
        }
        throw InputException.of(dataDir, "missing input file: expected " + String.join(" or ", candidates)
                + " (" + key + ")");
    }
}
