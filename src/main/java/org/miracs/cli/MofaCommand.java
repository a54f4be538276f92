package org.miracs.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.miracs.config.MiracsConfig;
import org.miracs.config.Settings;
import org.miracs.integrate.FactorInit;
import org.miracs.integrate.MofaRunner;
import org.miracs.integrate.MofaSettings;
import org.miracs.integrate.MofaTables;
import org.miracs.integrate.mofa.ConvergenceMode;
import org.miracs.integrate.mofa.MofaData;
import org.miracs.integrate.mofa.MofaManifestReader;
import org.miracs.integrate.mofa.MofaOptions;
import org.miracs.integrate.mofa.MofaResult;
import org.miracs.integrate.mofa.ZInit;
import org.miracs.io.InputException;
import org.miracs.pipeline.RunContext;
import org.miracs.pipeline.RunMetadata;
import org.miracs.pipeline.RunOutput;

/** {@code miracs mofa}: multi-group MOFA of any views x groups given as a manifest of TSV matrices. */
final class MofaCommand implements Command {
    @Override
    public String name() {
        return "mofa";
    }

    @Override
    public String summary() {
        return "train multi-group MOFA (MOFA+ numerics) on a manifest of view x group matrices (phase 1)";
    }

    @Override
    public String usage() {
        return """
                usage: bin/miracs mofa --manifest M --out DIR [--factors K] [--seed S] [--convergence fast|medium|slow]
                                       [--max-iterations N] [--init-factors DIR] [--scale-views] [--no-spikeslab]
                                       [--drop-r2 F] [--engine auto|local|spark] [--overwrite]

                  --manifest M       TSV with columns view, group, file; each file a features x samples TSV whose
                                     first column is 'feature', NaN for missing values
                  --factors K        factors (default: mofa.factors, 30)
                  --seed S           seed (default: mofa.seed, 1993)
                  --convergence      fast | medium | slow, mofapy2's thresholds (default fast)
                  --max-iterations N default 1000
                  --init-factors DIR start from E[Z] in DIR/z_init_<group>.tsv (sample + K columns) instead of PCA
                  --scale-views      divide each view by its standard deviation (the MIRACS authors' setting)
                  --no-spikeslab     Gaussian instead of spike-and-slab prior on the weights
                  --drop-r2 F        drop factors explaining less than fraction F of variance
                  --engine E         local = train in this JVM; spark = feature blocks on the Spark executors,
                                     factor-sized state on the driver (same results); auto = local when the
                                     master is local[...], spark otherwise (default: mofa.engine, auto)
                  --out DIR          output folder: mofa/factors, weights, variance_explained(_total),
                                     training_trace (Parquet) and mofa/model.json
                """;
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Arguments a = Arguments.parse(args,
                Set.of("--manifest", "--out", "--factors", "--seed", "--convergence", "--max-iterations",
                        "--init-factors", "--drop-r2", "--engine"),
                Set.of(), Set.of("--scale-views", "--no-spikeslab", "--overwrite"));
        String manifest = a.get("--manifest");
        String outDir = a.get("--out");
        if (manifest == null || outDir == null) {
            throw new UsageException("--manifest and --out are required");
        }
        MiracsConfig config = MiracsConfig.from(Settings.defaults());
        MofaOptions defaults = MofaSettings.options(config.mofa());
        MiracsConfig.MofaEngine engine = a.get("--engine") == null ? config.mofa().engine() : engine(a.get("--engine"));
        MofaOptions options = new MofaOptions(
                intOption(a, "--factors", defaults.numFactors()),
                a.get("--seed") == null ? defaults.seed() : parseLong(a.get("--seed"), "--seed"),
                a.get("--convergence") == null ? defaults.convergenceMode() : convergence(a.get("--convergence")),
                intOption(a, "--max-iterations", defaults.maxIterations()),
                defaults.startSparsity(), !a.has("--no-spikeslab"), defaults.ardWeights(), defaults.ardFactors(),
                a.has("--scale-views"), true,
                a.get("--drop-r2") == null ? OptionalDouble.empty() : OptionalDouble.of(parseDouble(a.get("--drop-r2"))),
                1, 1, false);

        MofaData data;
        try {
            data = MofaManifestReader.read(Path.of(manifest));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw InputException.of(manifest, e.getMessage());
        }
        ZInit init = a.get("--init-factors") == null ? ZInit.pca()
                : FactorInit.read(Path.of(a.get("--init-factors")), data, options.numFactors());

        SparkSession spark = SparkSessions.getOrCreate("miracs mofa");
        String runId = UUID.randomUUID().toString().substring(0, 8);
        RunOutput output = RunOutput.prepare(spark.sparkContext().hadoopConfiguration(), outDir, a.has("--overwrite"), runId);
        RunMetadata metadata = new RunMetadata("mofa", runId, manifest, output.targetPath(), java.util.Map.of(),
                spark.version(), spark.sparkContext().master());
        RunContext context = new RunContext(spark, config, null, output, metadata);
        try {
            long start = System.nanoTime();
            MofaResult result = MofaRunner.train(JavaSparkContext.fromSparkContext(spark.sparkContext()), data,
                    options, init, engine);
            metadata.recordStage("mofa", (System.nanoTime() - start) / 1e9);
            MofaTables.write(context, result, options);
            metadata.put("mofa", MofaTables.summary(result));
            output.writeText(RunOutput.METADATA_FILE, metadata.toJson());
            output.commit();
        } catch (Throwable t) {
            output.abort();
            throw t;
        }
        return 0;
    }

    private static int intOption(Arguments a, String name, int fallback) {
        String v = a.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(v);
            if (parsed < 1) {
                throw new UsageException(name + " must be at least 1, found " + v);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs an integer, found '" + v + "'");
        }
    }

    private static long parseLong(String v, String name) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs an integer, found '" + v + "'");
        }
    }

    private static double parseDouble(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--drop-r2 needs a number, found '" + v + "'");
        }
    }

    private static MiracsConfig.MofaEngine engine(String v) {
        try {
            return MiracsConfig.MofaEngine.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--engine must be auto, local or spark, found '" + v + "'");
        }
    }

    private static ConvergenceMode convergence(String v) {
        try {
            return ConvergenceMode.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--convergence must be fast, medium or slow, found '" + v + "'");
        }
    }
}
