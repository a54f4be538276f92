package org.miracs.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.miracs.config.MiracsConfig;
import org.miracs.config.Settings;
import org.miracs.correlate.CorrelateStage;
import org.miracs.enrich.EnrichStage;
import org.miracs.ingest.IngestStage;
import org.miracs.integrate.MofaStage;
import org.miracs.report.ReportStage;
import org.miracs.interpret.spark.InterpretStage;
import org.miracs.io.TextFiles;
import org.miracs.pipeline.Pipeline;
import org.miracs.pipeline.RunContext;
import org.miracs.pipeline.RunMetadata;
import org.miracs.pipeline.RunOutput;
import org.miracs.pipeline.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code miracs run}: the whole MIRACS pipeline on a folder of DepMap / PRISM files. */
final class RunCommand implements Command {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run MIRACS on a folder of DepMap/PRISM files (default: the shipped sample data)";
    }

    @Override
    public String usage() {
        return """
                usage: bin/miracs run [--config FILE] [--data-dir DIR] [--out DIR] [--overwrite] [--set key=value ...]

                  --data-dir DIR   folder with the input files under their real names (default: sample-data/):
                                   Model.csv, OmicsExpressionProteinCodingGenesTPMLogp1[BatchCorrected].csv
                                   (or the 25Q2+ OmicsExpressionTPMLogp1HumanProteinCodingGenes.csv),
                                   protein_quant_current_normalized.csv[.gz],
                                   secondary-screen-dose-response-curve-parameters.csv
                                   Any Hadoop path works: /local, hdfs://, s3a://, gs://
                  --out DIR        output folder (default: results); written only when the run succeeds
                  --overwrite      replace an existing MIRACS output folder
                  --config FILE    parameters in the format of conf/miracs.properties (embedded defaults otherwise)
                  --set key=value  override one parameter; repeatable (e.g. --set mofa.factors=15)
                """;
    }

    /**
     * The stages of a full run, in order: phase 0 ingestion, phase 1 MOFA, phases 2-3 per-lineage
     * factor x compound Spearman then MoA enrichment per (lineage, factor) and the cross-lineage table.
     */
    static List<Stage> stages() {
        return List.of(new IngestStage(), new MofaStage(), new CorrelateStage(), new EnrichStage(),
                new InterpretStage(), new ReportStage());
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Arguments a = Arguments.parse(args, Set.of("--config", "--data-dir", "--out"), Set.of("--set"), Set.of("--overwrite"));
        String configFile = a.get("--config");
        // the config may live next to the data on a cluster (s3a://, gs://, hdfs://)
        Settings settings = Settings.load(configFile,
                name -> TextFiles.open(SparkSessions.hadoopConfigurationBeforeSession(), name), a.all("--set"));
        MiracsConfig config = MiracsConfig.from(settings);
        String dataDir = a.get("--data-dir", defaultDataDir());
        String outDir = a.get("--out", "results");

        SparkSession spark = SparkSessions.getOrCreate("miracs run");
        String runId = UUID.randomUUID().toString().substring(0, 8);
        LOG.info("miracs {} run {}: data {} -> {}", RunMetadata.miracsVersion(), runId, dataDir, outDir);
        logSettings(settings);
        RunOutput output = RunOutput.prepare(spark.sparkContext().hadoopConfiguration(), outDir, a.has("--overwrite"), runId);
        RunMetadata metadata = new RunMetadata("run", runId, dataDir, output.targetPath(), settings.asMap(),
                spark.version(), spark.sparkContext().master());
        RunContext context = new RunContext(spark, config, dataDir, output, metadata);
        try {
            new Pipeline(stages()).run(context);
            output.writeText(RunOutput.METADATA_FILE, metadata.toJson());
            output.commit();
        } catch (Throwable t) {
            output.abort();
            throw t;
        }
        LOG.info("results in {}\n{}", output.targetPath(), timingTable(metadata));
        return 0;
    }

    static String defaultDataDir() {
        String home = System.getenv("MIRACS_HOME");
        return home == null ? "sample-data" : Path.of(home, "sample-data").toString();
    }

    private static void logSettings(Settings settings) {
        StringBuilder sb = new StringBuilder("configuration:\n");
        for (Map.Entry<String, String> e : new TreeMap<>(settings.asMap()).entrySet()) {
            String origin = settings.origin(e.getKey());
            sb.append(String.format(Locale.ROOT, "  %-36s = %s%s%n", e.getKey(), e.getValue(),
                    "default".equals(origin) ? "" : "   [" + origin + "]"));
        }
        LOG.info(sb.toString());
    }

    static String timingTable(RunMetadata metadata) {
        String row = "%-12s %10s %16s %14s %20s%n";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, row, "stage", "seconds", "driver JVM CPU s",
                "task CPU s", "driver peak heap MB"));
        for (Map<String, Object> s : metadata.stages()) {
            sb.append(String.format(Locale.ROOT, row, s.get("name"), s.get("seconds"), s.getOrDefault("driver_jvm_cpu_seconds", "-"),
                    s.getOrDefault("task_cpu_seconds", "-"), s.get("driver_peak_heap_mb")));
        }
        return sb.toString();
    }
}
