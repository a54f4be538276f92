package org.miracs.cli;

import static org.miracs.testing.MiracsCli.miracs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miracs.testing.MiracsCli.Outcome;
import org.miracs.testing.SparkTestBase;
import org.miracs.testing.TinyData;

/**
 * {@code miracs run} on malformed copies of the tiny input set: each problem is one line on stderr
 * naming the file, the row or column and what was expected, exit code 1, and no output folder.
 */
class RunCommandTest extends SparkTestBase {
    @TempDir
    Path tmp;


    private void assertBadInput(String file, UnaryOperator<String> damage, String... expectedParts) throws IOException {
        Path data = TinyData.copyTo(tmp.resolve("data"));
        if (damage == null) {
            Files.delete(data.resolve(file));
        } else {
            TinyData.edit(data, file, damage);
        }
        Path out = tmp.resolve("out");
        Outcome o = miracs("run", "--data-dir", data.toString(), "--out", out.toString());
        assertEquals(1, o.code(), o.err());
        String[] lines = o.err().strip().split("\n");
        assertEquals(1, lines.length, "one line: " + o.err());
        Assertions.assertTrue(lines[0].startsWith("miracs run: error: "), lines[0]);
        for (String part : expectedParts) {
            Assertions.assertTrue(lines[0].contains(part), "expected '" + part + "' in: " + lines[0]);
        }
        assertFalse(Files.exists(out), "no output folder after a failed run");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(0, left.filter(p -> p.getFileName().toString().contains("inprogress")).count(),
                    "the staging folder is removed");
        }
    }

    @Test
    void missingFile() throws IOException {
        assertBadInput(TinyData.PRISM, null, "missing input file: expected secondary-screen-dose-response-curve-parameters.csv",
                "(input.prism)");
    }

    @Test
    void headerNotInTheExpectedLayout() throws IOException {
        assertBadInput(TinyData.EXPRESSION, t -> "Unnamed: 0" + t, TinyData.EXPRESSION, "row 1 (header)",
                "expected an empty first header cell (24Q4 layout)", "found 'Unnamed: 0'");
    }

    @Test
    void duplicatedModelIdInExpression() throws IOException {
        assertBadInput(TinyData.EXPRESSION, t -> t + "ACH-000003,1,1,1,1\n", TinyData.EXPRESSION, "row ACH-000003",
                "expected each ModelID once");
    }

    @Test
    void duplicatedProteinId() throws IOException {
        assertBadInput(TinyData.PROTEOMICS, t -> t.replace("sp|P00003|CCC_HUMAN", "sp|P00001|AAA_HUMAN"),
                TinyData.PROTEOMICS, "row sp|P00001|AAA_HUMAN", "expected each Protein_Id once");
    }

    @Test
    void duplicatedModelIdInModelCsv() throws IOException {
        assertBadInput(TinyData.MODELS, t -> t.replace("\"ACH-000012\"", "\"ACH-000011\""), TinyData.MODELS,
                "row 14, column 'ModelID'", "expected each ModelID once, found 'ACH-000011 again'");
    }

    @Test
    void nonNumericExpressionValue() throws IOException {
        assertBadInput(TinyData.EXPRESSION, t -> t.replace("ACH-000002,3.9,0.1", "ACH-000002,3.9,abc"),
                TinyData.EXPRESSION, "row ACH-000002, column 'TNMD (64102)'", "expected a number (log2(TPM+1)) or NA",
                "found 'abc'");
    }

    @Test
    void nonNumericAuc() throws IOException {
        assertBadInput(TinyData.PRISM, t -> t.replace(",0.9,0.4,NA,NA,drugA", ",0.9,high,NA,NA,drugA"), TinyData.PRISM,
                "row BRD-K00000001-001-01-1 / ACH-000003 / MTS010, column 'auc'", "expected a number or NA");
    }

    @Test
    void missingLineageColumn() throws IOException {
        assertBadInput(TinyData.MODELS, t -> t.replace("\"OncotreeLineage\"", "\"Lineage\""), TinyData.MODELS,
                "column 'OncotreeLineage': expected a column named 'OncotreeLineage'");
    }

    @Test
    void noOverlapBetweenOmicsAndDrugLines() throws IOException {
        assertBadInput(TinyData.PRISM, t -> t.replaceAll(",ACH-0000\\d\\d,[A-Z0-9_]+,", ",ACH-000099,XX_LUNG,")
                        .replace(",NA,ES1_STOMACH,", ",NA,XX_LUNG,"), TinyData.PRISM,
                "no overlap between the omics lines and the drug-response lines");
    }

    @Test
    void moreFactorsThanLinesIsAConfigurationError() {
        Path data = TinyData.copyTo(tmp.resolve("data"));
        Path out = tmp.resolve("out");
        Outcome o = miracs("run", "--data-dir", data.toString(), "--out", out.toString());
        assertEquals(1, o.code());
        Assertions.assertTrue(o.err().contains("mofa.factors = 30: expected at most the number of harmonised lines (8)"),
                o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void existingOutputNeedsOverwrite() throws IOException {
        Path data = TinyData.copyTo(tmp.resolve("data"));
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Outcome o = miracs("run", "--data-dir", data.toString(), "--out", out.toString());
        assertEquals(1, o.code());
        Assertions.assertTrue(o.err().contains("output folder exists"), o.err());
        o = miracs("run", "--data-dir", data.toString(), "--out", out.toString(), "--overwrite");
        assertEquals(1, o.code());
        Assertions.assertTrue(o.err().contains("only replaces a MIRACS output folder"), o.err());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, miracs("run", "--bogus").code());
        assertEquals(2, miracs("run", "--set").code());
        assertEquals(2, miracs("mofa").code());
        assertEquals(2, miracs("frobnicate").code());
        Outcome help = miracs("--help");
        assertEquals(0, help.code());
        Assertions.assertTrue(help.out().contains("run ") && help.out().contains("mofa") && help.out().contains("enrich")
                && help.out().contains("report"), help.out());
        Outcome runHelp = miracs("run", "--help");
        assertEquals(0, runHelp.code());
        Assertions.assertTrue(runHelp.out().contains("--data-dir DIR"), runHelp.out());
        Outcome badConfig = miracs("run", "--set", "mofa.factors=-3");
        assertEquals(1, badConfig.code());
        Assertions.assertTrue(badConfig.err().contains("mofa.factors = '-3': expected an integer in [1, 1000]"), badConfig.err());
    }
}
