package org.miracs.cli;

import java.io.PrintStream;
import java.io.BufferedReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.miracs.config.MiracsConfig;
import org.miracs.config.Settings;
import org.miracs.enrich.RankedListEnrichment;
import org.miracs.enrich.RankedListInputs;
import org.miracs.io.InputException;
import org.miracs.io.TextFiles;
import org.miracs.pipeline.RunContext;
import org.miracs.pipeline.RunMetadata;
import org.miracs.pipeline.RunOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code miracs enrich}: MoA (or any set) enrichment of any ranked lists, decoupler-exact or fast. */
final class EnrichCommand implements Command {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichCommand.class);

    @Override
    public String name() {
        return "enrich";
    }

    @Override
    public String summary() {
        return "GSEA of ranked lists (sample,drug,score) against sets (set,drug), decoupler-exact or fast";
    }

    @Override
    public String usage() {
        return """
                usage: bin/miracs enrich --scores S --sets T --out DIR [--permutations N] [--seed X]
                                         [--min-set-size K] [--mode exact|fast] [--plus-one] [--overwrite]

                  --scores S          long CSV with header sample,drug,score: one row per (sample, drug) of a
                                      complete matrix; each sample is one ranked list (e.g. a factor's rho)
                  --sets T            long CSV with header set,drug (e.g. MoA,broad_id); a drug may be in several sets
                  --out DIR           output folder: enrichment/ (Parquet), enrichment.tsv, run.json, _SUCCESS
                  --permutations N    permutations (default 10000; 0 or 1: NES = ES, p = 1)
                  --seed X            seed (default 42). exact: numpy seed shared by all samples, as decoupler;
                                      fast: each sample's stream is derived from (seed, sample)
                  --min-set-size K    sets with fewer members among the drugs are skipped (default 5)
                  --mode exact|fast   exact: decoupler 2.0.4's dc.mt.gsea bit for bit; fast (default): a
                                      size-only null shared by all sets (statistically equivalent, ~15x faster)
                  --plus-one          p = (hits + 1) / (nulls + 1) instead of decoupler's hits / nulls
                  --overwrite         replace an existing MIRACS output folder
                Any Hadoop path works for the files and --out (/local, hdfs://, s3a://, gs://).
                """;
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Arguments a = Arguments.parse(args, Set.of("--scores", "--sets", "--out", "--permutations", "--seed",
                "--min-set-size", "--mode"), Set.of(), Set.of("--plus-one", "--overwrite"));
        String scoresFile = required(a, "--scores");
        String setsFile = required(a, "--sets");
        String outDir = required(a, "--out");
        int permutations = integer(a, "--permutations", "10000");
        long seed = longValue(a, "--seed", "42");
        int minSetSize = integer(a, "--min-set-size", "5");
        String mode = a.get("--mode", "fast").toLowerCase(Locale.ROOT);
        if (!mode.equals("exact") && !mode.equals("fast")) {
            throw new UsageException("--mode is exact or fast, found '" + a.get("--mode") + "'");
        }
        List<String> overrides = new ArrayList<>(List.of("enrichment.permutations=" + permutations,
                "enrichment.seed=" + seed, "enrichment.min_set_size=" + minSetSize, "enrichment.mode=" + mode,
                "enrichment.plus_one_pvalue=" + a.has("--plus-one")));
        Settings settings = Settings.load(null, overrides);
        MiracsConfig config = MiracsConfig.from(settings);
        Map<String, String> used = new TreeMap<>();
        settings.asMap().forEach((k, v) -> {
            if (k.startsWith("enrichment.")) {
                used.put(k, v);
            }
        });

        SparkSession spark = SparkSessions.getOrCreate("miracs enrich");
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        RankedListInputs.Scores scores;
        try (BufferedReader r = openInput(conf, scoresFile)) {
            scores = RankedListInputs.readScores(scoresFile, r);
        }
        String[][] sets;
        try (BufferedReader r = openInput(conf, setsFile)) {
            sets = RankedListInputs.readSets(setsFile, r);
        }
        String runId = UUID.randomUUID().toString().substring(0, 8);
        LOG.info("miracs {} enrich {}: {} + {} -> {} ({})", RunMetadata.miracsVersion(), runId, scoresFile, setsFile,
                outDir, used);
        RunOutput output = RunOutput.prepare(conf, outDir, a.has("--overwrite"), runId);
        RunMetadata metadata = new RunMetadata("enrich", runId, null, output.targetPath(), used, spark.version(),
                spark.sparkContext().master());
        metadata.recordInput("scores", scoresFile);
        metadata.recordInput("sets", setsFile);
        RunContext context = new RunContext(spark, config, null, output, metadata);
        try {
            long start = System.nanoTime();
            RankedListEnrichment.run(context, scores, sets, config.enrichment(), 10_000);
            metadata.recordStage("enrich", (System.nanoTime() - start) / 1e9);
            output.writeText(RunOutput.METADATA_FILE, metadata.toJson());
            output.commit();
        } catch (Throwable t) {
            output.abort();
            throw t;
        }
        LOG.info("results in {}", output.targetPath());
        return 0;
    }

    private static BufferedReader openInput(Configuration conf, String file) throws java.io.IOException {
        if (!TextFiles.exists(conf, file)) {
            throw InputException.of(file, "missing input file");
        }
        return TextFiles.open(conf, file);
    }

    private static String required(Arguments a, String name) {
        String v = a.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException(name + " is required");
        }
        return v;
    }

    private static int integer(Arguments a, String name, String fallback) {
        String v = a.get(name, fallback);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs an integer, found '" + v + "'");
        }
    }

    private static long longValue(Arguments a, String name, String fallback) {
        String v = a.get(name, fallback);
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs an integer, found '" + v + "'");
        }
    }
}
