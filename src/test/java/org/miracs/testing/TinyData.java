package org.miracs.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The hand-made tiny input set in src/test/resources/ingest/tiny (real file names and layouts, with
 * known expected values), copied to a temporary folder where a test may damage one file.
 */
public final class TinyData {
    public static final String MODELS = "Model.csv";
    public static final String EXPRESSION = "OmicsExpressionProteinCodingGenesTPMLogp1BatchCorrected.csv";
    public static final String PROTEOMICS = "protein_quant_current_normalized.csv";
    public static final String PRISM = "secondary-screen-dose-response-curve-parameters.csv";
    private static final List<String> FILES = List.of(MODELS, EXPRESSION, PROTEOMICS, PRISM);

    private TinyData() {}

    public static Path copyTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String name : FILES) {
                try (InputStream in = TinyData.class.getResourceAsStream("/ingest/tiny/" + name)) {
                    Files.copy(in, dir.resolve(name));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites one file of a copied set through {@code edit} (whole text in, whole text out). */
    public static void edit(Path dir, String name, UnaryOperator<String> edit) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, edit.apply(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
