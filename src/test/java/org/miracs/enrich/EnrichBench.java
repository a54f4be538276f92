package org.miracs.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.miracs.config.MiracsConfig;

/**
 * Benchmark (not a test): all units of the paper's shape through {@link DistributedGsea} on a local
 * Spark: 22 lineages x 30 factors, 1,502 compounds (lineage i drops i of them, so every lineage is its
 * own decoupler call with its own n), 444 sets (sizes 5..56, median about 8, as GseaBench),
 * 10,000 permutations. Prints wall seconds and process CPU seconds for a warm-up lineage and for
 * all 660 units (CPU seconds are the robust figure on a machine shared with other load).
 *
 * <pre>
 * mvn -q -o test-compile   # then, with bin/miracs --help run once to write target/miracs.classpath:
 * java -Xmx6g --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
 *      --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
 *      --add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
 *      -cp target/classes:target/test-classes:$(cat target/miracs.classpath) \
 *      org.miracs.enrich.EnrichBench [fast|exact] [master, default local[2]] [lineages, default 22]
 * </pre>
 */
public final class EnrichBench {
    public static void main(String[] args) {
        MiracsConfig.EnrichmentMode mode = args.length > 0 && args[0].equalsIgnoreCase("exact")
                ? MiracsConfig.EnrichmentMode.EXACT : MiracsConfig.EnrichmentMode.FAST;
        String master = args.length > 1 ? args[1] : "local[2]";
        int lineages = args.length > 2 ? Integer.parseInt(args[2]) : 22;
        int factors = 30;
        int nDrugs = 1502;
        int nSets = 444;
        int perms = 10_000;
        SplittableRandom rnd = new SplittableRandom(2024);
        String[] drugs = new String[nDrugs];
        for (int i = 0; i < nDrugs; i++) {
            drugs[i] = String.format("BRD-%05d", i);
        }
        List<String[]> pairs = new ArrayList<>();
        int[] sizes = new int[nSets];
        for (int s = 0; s < nSets; s++) {
            int k = (int) Math.min(56, 5 + Math.round(Math.exp(1.0 + 1.0 * rnd.nextGaussian())));
            if (s == 0) {
                k = 56;
            }
            sizes[s] = k;
            String name = String.format("moa%03d", s);
            rnd.ints(0, nDrugs).distinct().limit(k).forEach(d -> pairs.add(new String[] {name, drugs[d]}));
        }
        Arrays.sort(sizes);
        String[][] sets = pairs.toArray(new String[0][]);

        SparkSession spark = SparkSession.builder().master(master).appName("miracs-enrich-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        List<Row> all = new ArrayList<>();
        List<Row> warm = new ArrayList<>();
        for (int l = 0; l < lineages; l++) {
            String lineage = String.format("Lineage%02d", l);
            String[] features = Arrays.copyOf(drugs, nDrugs - l);
            String[] samples = new String[factors];
            double[][] scores = new double[factors][features.length];
            for (int f = 0; f < factors; f++) {
                samples[f] = Integer.toString(f + 1);
                for (int i = 0; i < features.length; i++) {
                    scores[f][i] = Math.max(-1, Math.min(1, 0.25 * rnd.nextGaussian()));
                }
            }
            for (EnrichmentUnit u : EnrichmentCalls.build(lineage, samples, features, scores, true).units()) {
                all.add(DistributedGsea.toRow(u));
                if (l == 0) {
                    warm.add(DistributedGsea.toRow(new EnrichmentUnit("warm", u.sample(), u.features(), u.scores())));
                }
            }
        }
        MiracsConfig.Enrichment cfg = new MiracsConfig.Enrichment(perms, 5, mode, 42L, false);
        int cores = spark.sparkContext().defaultParallelism();
        System.out.printf(Locale.ROOT, "shape: %d lineages x %d factors = %d units, %d drugs, %d sets (k %d..%d, median %d), "
                + "%d permutations, mode %s, master %s (%d cores)%n", lineages, factors, all.size(), nDrugs, nSets,
                sizes[0], sizes[nSets - 1], sizes[nSets / 2], perms, mode, master, cores);

        double w = time(spark, warm, sets, cfg, 4 * cores);
        System.out.printf(Locale.ROOT, "warm-up (%d units): %.1f s wall%n", warm.size(), w);
        double t = time(spark, all, sets, cfg, 4 * cores);
        System.out.printf(Locale.ROOT, "all %d units: %.1f s wall, %.4f s per unit wall, %.4f core-s per unit%n",
                all.size(), t, t / all.size(), t * cores / all.size());
        spark.stop();
    }

    private static double time(SparkSession spark, List<Row> units, String[][] sets, MiracsConfig.Enrichment cfg,
                               int partitions) {
        Dataset<Row> df = spark.createDataFrame(units, DistributedGsea.UNIT_SCHEMA).cache();
        df.count();
        LongAccumulator acc = spark.sparkContext().longAccumulator();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        long rows = DistributedGsea.run(df, sets, cfg, partitions, acc).count();
        double s = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "  %d result rows, %d units; process CPU %.1f s (%.4f CPU-s per unit); "
                + "machine load average %.2f%n", rows, acc.value(), cpu, cpu / units.size(), os.getSystemLoadAverage());
        df.unpersist();
        return s;
    }
}
