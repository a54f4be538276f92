package org.miracs.cluster;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assertions;
import org.miracs.compare.RunComparison;
import org.miracs.compare.TableDifference;
import org.miracs.schema.TableDef;
import org.miracs.schema.Tables;

/** The assertion of the deployment tests: two results folders of {@code miracs run} hold the same tables. */
final class SameResults {
    private SameResults() {}

    /** Every table of a run is in both folders, not empty, and bit-identical (tolerance 0). */
    static void assertSameResults(SparkSession spark, String dirA, String dirB) throws IOException {
        List<TableDifference> diffs = new RunComparison(spark, 0).compare(dirA, dirB);
        Assertions.assertEquals(tablesOfARun(), diffs.stream().map(TableDifference::table).collect(Collectors.toSet()),
                "tables in " + dirA + " and " + dirB);
        Assertions.assertTrue(diffs.size() >= 20, "a run writes at least 20 tables, found " + diffs.size());
        for (TableDifference d : diffs) {
            Assertions.assertTrue(d.equal(), d.describe());
            Assertions.assertTrue(d.rowsA() > 0, "an empty table proves nothing: " + d.describe());
        }
    }

    /** Every table of the schema except the one only {@code bin/miracs enrich} writes. */
    private static Set<String> tablesOfARun() {
        return Tables.all().stream().filter(t -> t != Tables.RANKED_ENRICHMENT).map(TableDef::path)
                .collect(Collectors.toSet());
    }
}
