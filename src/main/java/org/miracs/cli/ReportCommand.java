package org.miracs.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.miracs.io.InputException;
import org.miracs.pipeline.RunOutput;
import org.miracs.report.HtmlReport;
import org.miracs.report.ReportData;

/** {@code miracs report}: (re-)renders the HTML report of a finished run from its Parquet outputs. */
final class ReportCommand implements Command {

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "render the self-contained HTML report (Fig. 1, Table 1, Fig. 2) of a finished run";
    }

    @Override
    public String usage() {
        return """
                usage: bin/miracs report --results DIR [--out FILE]

                  --results DIR   a results folder written by bin/miracs run (with run.json)
                  --out FILE      the HTML file (default: DIR/report/index.html); the figures go to
                                  figures/*.svg next to it
                The report is one HTML file with inline CSS and SVG: it opens offline and can be mailed.
                Sections whose tables the run did not write (e.g. phase 4 in older runs) say so.
                """;
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Arguments a = Arguments.parse(args, Set.of("--results", "--out"), Set.of(), Set.of());
        String results = a.get("--results");
        if (results == null) {
            throw new UsageException("--results DIR is required");
        }
        checkResultsFolder(new Configuration(), results);
        String html = a.get("--out", new Path(results, HtmlReport.DEFAULT_PATH).toString());
        SparkSession spark = SparkSessions.getOrCreate("miracs report");
        ReportData data = ReportData.load(spark, results);
        List<String> written = HtmlReport.write(spark.sparkContext().hadoopConfiguration(), data, html);
        out.println("report: " + written.get(written.size() - 1));
        return 0;
    }

    /** A results folder must exist and hold run.json (a MIRACS run); a one-line error otherwise. */
    static void checkResultsFolder(Configuration conf, String results) throws java.io.IOException {
        Path dir = new Path(results);
        FileSystem fs = dir.getFileSystem(conf);
        if (!fs.exists(dir)) {
            throw new InputException(results + ": no such results folder");
        }
        if (!fs.getFileStatus(dir).isDirectory()) {
            throw new InputException(results + ": not a folder; expected a results folder written by bin/miracs run");
        }
        if (!fs.exists(new Path(dir, RunOutput.METADATA_FILE))) {
            throw new InputException(results + ": not a MIRACS results folder (no " + RunOutput.METADATA_FILE + ")");
        }
    }
}
