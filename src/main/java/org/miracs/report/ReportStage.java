package org.miracs.report;

import org.apache.hadoop.fs.Path;
import org.miracs.pipeline.RunContext;
import org.miracs.pipeline.RunOutput;
import org.miracs.pipeline.Stage;

/**
 * The last stage of {@code bin/miracs run}: renders the report into the run's staging folder
 * ({@code report/index.html} and {@code report/figures/}) from the tables the earlier stages staged
 * there, with the run metadata so far (run.json is written after the stages).
 */
public final class ReportStage implements Stage {
    @Override
    public String name() {
        return "report";
    }

    @Override
    public void run(RunContext ctx) throws Exception {
        // the staging folder itself: the parent of any path inside it
        String base = new Path(ctx.output().stagingPath(RunOutput.METADATA_FILE)).getParent().toString();
        ReportData data = ReportData.load(ctx.spark(), base, ctx.metadata().toJson());
        HtmlReport.write(ctx.spark().sparkContext().hadoopConfiguration(), data, ctx.output().stagingPath(HtmlReport.DEFAULT_PATH));
    }
}
