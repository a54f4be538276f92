package org.miracs.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.miracs.cli.MiracsMain;
import org.miracs.schema.Tables;
import org.miracs.testing.SparkTestBase;

/**
 * {@code bin/miracs mofa} on the mofa_small fixture, started from mofapy2's own initialisation: the
 * written tables equal the real mofapy2 0.7.4 outputs (fixtures/mofa_small/out_K8_seed42_fast).
 */
class MofaCommandTest extends SparkTestBase {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/mofa_small");
    private static final Path REFERENCE = FIXTURE.resolve("out_K8_seed42_fast");

    @TempDir
    Path tmp;

    /** Both engines: {@code local} (this JVM) and {@code spark} (feature blocks on the executors). */
    @ParameterizedTest
    @ValueSource(strings = {"local", "spark"})
    void tablesMatchMofapy2FromItsInitialisation(String engine) throws IOException {
        Path out = tmp.resolve("out");
        int code = MiracsMain.run(new String[] {"mofa", "--manifest", FIXTURE.resolve("input/manifest.tsv").toString(),
                "--factors", "8", "--seed", "42", "--init-factors", REFERENCE.toString(), "--engine", engine,
                "--out", out.toString()},
                System.out, System.err);
        assertEquals(0, code);

        Map<String, Double> z = new HashMap<>();
        for (Row r : read(out, Tables.FACTORS)) {
            z.put(r.getString(1) + "|Factor" + r.getInt(2), r.getDouble(3));
        }
        int compared = 0;
        for (String g : List.of("g1", "g2", "g3")) {
            compared += compareMatrix(REFERENCE.resolve("Z_" + g + ".tsv"), z, 1e-4);
        }
        assertEquals(95 * 8, compared);

        Map<String, Double> w = new HashMap<>();
        for (Row r : read(out, Tables.WEIGHTS)) {
            w.put(r.getString(1) + "|Factor" + r.getInt(2), r.getDouble(3));
        }
        assertEquals((500 + 300) * 8, compareMatrix(REFERENCE.resolve("W_rna.tsv"), w, 1e-4)
                + compareMatrix(REFERENCE.resolve("W_protein.tsv"), w, 1e-4));

        Map<String, Double> r2 = new HashMap<>();
        for (Row r : read(out, Tables.VARIANCE_EXPLAINED)) {
            r2.put(r.getString(0) + "|" + r.getString(1) + "|Factor" + r.getInt(2), r.getDouble(3));
        }
        for (String line : Files.readAllLines(REFERENCE.resolve("r2_per_factor.tsv")).subList(1, 49)) {
            String[] c = line.split("\t");
            assertEquals(Double.parseDouble(c[3]), r2.get(c[0] + "|" + c[1] + "|" + c[2]), 1e-4, line);
        }

        // ELBO after every iteration, to 1e-6 relative
        List<Row> trace = read(out, Tables.TRAINING_TRACE);
        List<String> reference = Files.readAllLines(REFERENCE.resolve("elbo_trace.tsv"));
        assertEquals(reference.size() - 1, trace.size());
        for (int i = 1; i < reference.size(); i++) {
            double expected = Double.parseDouble(reference.get(i).split("\t")[1]);
            Row row = trace.get(i - 1);
            assertEquals(Integer.parseInt(reference.get(i).split("\t")[0]), row.getInt(0));
            assertEquals(expected, row.getDouble(1), 1e-6 * Math.abs(expected), "iteration " + row.getInt(0));
        }
        String model = Files.readString(out.resolve(MofaTables.MODEL_JSON));
        Assertions.assertTrue(model.contains("\"converged\" : true") && model.contains("\"iterations\" : 60"), model);
    }

    @Test
    void unknownEngineIsAUsageError() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = MiracsMain.run(new String[] {"mofa", "--manifest", FIXTURE.resolve("input/manifest.tsv").toString(),
                "--engine", "gpu", "--out", tmp.resolve("o").toString()}, System.out, new java.io.PrintStream(err, true));
        Assertions.assertNotEquals(0, code);
        Assertions.assertTrue(err.toString().contains("--engine must be auto, local or spark"), err.toString());
    }

    @Test
    void missingInitialisationFileIsAnInputError() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = MiracsMain.run(new String[] {"mofa", "--manifest", FIXTURE.resolve("input/manifest.tsv").toString(),
                "--factors", "8", "--init-factors", tmp.toString(), "--out", tmp.resolve("o").toString()},
                System.out, new java.io.PrintStream(err, true));
        assertEquals(1, code);
        Assertions.assertTrue(err.toString().contains("z_init_g1.tsv: missing file"), err.toString());
        Assertions.assertFalse(Files.exists(tmp.resolve("o")));
    }

    private List<Row> read(Path out, org.miracs.schema.TableDef table) {
        String[] columns = table.columnNames();
        return spark().read().parquet(out.resolve(table.path()).toString())
                .orderBy(columns[0], java.util.Arrays.copyOfRange(columns, 1, columns.length)).collectAsList();
    }

    /** Compares a TSV matrix (rows = id, columns = Factor1..K) with the map; returns the number of cells. */
    private static int compareMatrix(Path tsv, Map<String, Double> actual, double tolerance) throws IOException {
        List<String> lines = Files.readAllLines(tsv);
        String[] header = lines.get(0).split("\t");
        int n = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t");
            for (int k = 1; k < c.length; k++) {
                Double v = actual.get(c[0] + "|" + header[k]);
                Assertions.assertNotNull(v, c[0] + " " + header[k]);
                assertEquals(Double.parseDouble(c[k]), v, tolerance, c[0] + " " + header[k]);
                n++;
            }
        }
        return n;
    }
}
