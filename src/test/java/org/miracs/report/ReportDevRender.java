package org.miracs.report;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.miracs.testing.SparkTestBase;

/** Not a test: renders the fixture report to $MIRACS_REPORT_DEV_DIR for looking at it (skipped otherwise). */
class ReportDevRender extends SparkTestBase {
    @Test
    @Tag("dev")
    void render() throws Exception {
        String dir = System.getenv("MIRACS_REPORT_DEV_DIR");
        org.junit.jupiter.api.Assumptions.assumeTrue(dir != null, "MIRACS_REPORT_DEV_DIR not set");
        Path base = Path.of(dir);
        ReportFixture.write(spark(), base, true);
        HtmlReport.write(spark().sparkContext().hadoopConfiguration(), ReportData.load(spark(), base.toString()),
                base.resolve(HtmlReport.DEFAULT_PATH).toString());
    }
}
