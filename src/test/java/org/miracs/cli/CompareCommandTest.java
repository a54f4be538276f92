package org.miracs.cli;

import static org.miracs.testing.MiracsCli.miracs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miracs.schema.Tables;
import org.miracs.testing.MiracsCli.Outcome;
import org.miracs.testing.ResultsFolder;
import org.miracs.testing.SparkTestBase;

/** {@code miracs compare A B}: exit 0 when the folders hold the same tables, 1 when not, 2 on wrong usage. */
class CompareCommandTest extends SparkTestBase {
    @TempDir
    Path tmp;
    private Path a;

    @BeforeEach
    void twoTables() {
        a = ResultsFolder.create(tmp.resolve("a"));
        ResultsFolder.write(spark(), a, Tables.TRAINING_TRACE, ResultsFolder.trainingTrace(8, 0.5));
        ResultsFolder.write(spark(), a, Tables.MOA_SETS, ResultsFolder.moaSets());
    }

    @Test
    void aCopyIsEqual() {
        Path b = ResultsFolder.copy(a, tmp.resolve("b"));
        Outcome o = miracs("compare", a.toString(), b.toString());
        Assertions.assertEquals(0, o.code(), o.err());
        Assertions.assertTrue(o.out().contains("compare: the 2 tables are equal"), o.out());
        Assertions.assertTrue(o.out().matches("(?s).*mofa/training_trace\\s+equal \\(8 rows\\).*"), o.out());
    }

    @Test
    void anAlteredTableDiffersUnlessWithinTolerance() {
        Path b = ResultsFolder.copy(a, tmp.resolve("b"));
        List<Row> trace = new ArrayList<>(ResultsFolder.trainingTrace(8, 0.5));
        Row r = trace.get(5);
        double elbo = r.getDouble(1);
        trace.set(5, RowFactory.create(r.get(0), elbo * (1 + 1e-6), r.get(2), r.get(3), r.get(4)));
        ResultsFolder.write(spark(), b, Tables.TRAINING_TRACE, trace);

        Outcome exact = miracs("compare", a.toString(), b.toString());
        Assertions.assertEquals(1, exact.code());
        Assertions.assertTrue(exact.out().contains("compare: 1 of 2 tables differ"), exact.out());
        Assertions.assertTrue(exact.out().contains("8 vs 8 rows, 1 only in the first, 1 only in the second"), exact.out());
        Assertions.assertEquals(1, miracs("compare", a.toString(), b.toString(), "--tolerance", "1e-7").code());
        Assertions.assertEquals(0, miracs("compare", a.toString(), b.toString(), "--tolerance", "1e-5").code());
    }

    @Test
    void aMissingTableDiffers() {
        Path b = ResultsFolder.create(tmp.resolve("b"));
        ResultsFolder.write(spark(), b, Tables.MOA_SETS, ResultsFolder.moaSets());
        Outcome o = miracs("compare", a.toString(), b.toString());
        Assertions.assertEquals(1, o.code());
        Assertions.assertTrue(o.out().contains("mofa/training_trace") && o.out().contains("only in the first run"), o.out());
    }

    @Test
    void aFolderWithoutRunJsonIsAnError() {
        Outcome o = miracs("compare", a.toString(), tmp.toString());
        Assertions.assertEquals(1, o.code());
        Assertions.assertTrue(o.err().contains("not a MIRACS results folder (no run.json)"), o.err());
    }

    @Test
    void wrongUsageExitsWithTwo() {
        Outcome one = miracs("compare", a.toString());
        Assertions.assertEquals(2, one.code());
        Assertions.assertTrue(one.err().contains("expected two results folders, got 1"), one.err());
        Assertions.assertEquals(2, miracs("compare", a.toString(), a.toString(), "--tolerance", "-1").code());
        Assertions.assertEquals(2, miracs("compare", a.toString(), a.toString(), "--tolerance", "abc").code());
    }
}
