package org.miracs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.miracs.config.MiracsConfig;
import org.miracs.config.Settings;
import org.miracs.pipeline.RunContext;
import org.miracs.pipeline.RunMetadata;
import org.miracs.pipeline.RunOutput;

/** A {@link RunContext} for running single stages in tests, with configuration overrides. */
public final class StageContexts {
    private StageContexts() {}

    public static RunContext create(SparkSession spark, String dataDir, Path out, String... overrides) {
        Settings settings = Settings.load(null, List.of(overrides));
        MiracsConfig config = MiracsConfig.from(settings);
        try {
            RunOutput output = RunOutput.prepare(spark.sparkContext().hadoopConfiguration(), out.toString(), false, "test");
            RunMetadata metadata = new RunMetadata("test", "test", dataDir, output.targetPath(), settings.asMap(),
                    spark.version(), spark.sparkContext().master());
            return new RunContext(spark, config, dataDir, output, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
