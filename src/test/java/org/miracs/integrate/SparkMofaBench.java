package org.miracs.integrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.miracs.integrate.mofa.IterationReport;
import org.miracs.integrate.mofa.MofaData;
import org.miracs.integrate.mofa.MofaExecutor;
import org.miracs.integrate.mofa.MofaIterationBench;
import org.miracs.integrate.mofa.MofaOptions;
import org.miracs.integrate.mofa.MofaResult;
import org.miracs.integrate.mofa.MofaTrainer;
import org.miracs.integrate.mofa.ZInit;

/**
 * Benchmark (not a test): seconds per iteration of {@link SparkMofaTrainer} in local[2] at the MIRACS paper's
 * shape (370 samples in 22 groups, 19,138 + 12,196 features, K = 30, protein ~10% missing; the data of
 * {@link MofaIterationBench}), next to the single-JVM {@link MofaTrainer} on 2 threads, both from the same PCA
 * initialisation and timed by their own progress reports (full iteration including the ELBO).
 *
 * <pre>
 *   mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -Xmx4g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.miracs.integrate.SparkMofaBench \
 *        [iterations=15] [blockSize=2048] [partitions=0]
 * </pre>
 */
public final class SparkMofaBench {
    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int blockSize = args.length > 1 ? Integer.parseInt(args[1]) : MofaTrainer.DEFAULT_FEATURE_BLOCK_SIZE;
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int warmup = 3;
        MofaData data = MofaIterationBench.paperShapedData(20240601L);
        System.out.printf("data: %d samples in %d groups, views %d + %d features, K = 30; %d timed iterations after "
                        + "%d warm-up, block size %d%n", data.totalSamples(), data.numGroups(), data.numFeatures(0),
                data.numFeatures(1), iterations, warmup, blockSize);
        MofaOptions opt = MofaOptions.defaults(30).withSeed(1993).withScaleViews(true)
                .withMaxIterations(warmup + iterations + 1).withNoStop(true);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("miracs-mofa-bench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        spark.sparkContext().setLogLevel("WARN");

        List<IterationReport> local = new ArrayList<>();
        long t0 = System.nanoTime();
        MofaResult a = new MofaTrainer(opt).withExecutor(MofaExecutor.threads(2)).withFeatureBlockSize(blockSize)
                .withListener(local::add).fit(data, ZInit.pca());
        report("local (MofaTrainer, 2 threads)", local, warmup, (System.nanoTime() - t0) * 1e-9);

        List<IterationReport> distributed = new ArrayList<>();
        t0 = System.nanoTime();
        MofaResult b = new SparkMofaTrainer(jsc, opt).withDriverExecutor(MofaExecutor.threads(2))
                .withFeatureBlockSize(blockSize).withPartitions(partitions).withListener(distributed::add)
                .fit(data, ZInit.pca());
        report("spark (SparkMofaTrainer, local[2])", distributed, warmup, (System.nanoTime() - t0) * 1e-9);

        double last = a.elboTrace().get(a.elboTrace().size() - 1).elbo();
        double lastSpark = b.elboTrace().get(b.elboTrace().size() - 1).elbo();
        System.out.printf("final ELBO local %.10g, spark %.10g (%s)%n", last, lastSpark,
                last == lastSpark ? "identical" : "DIFFERENT");
        spark.stop();
        System.exit(0);
    }

    private static void report(String what, List<IterationReport> reports, int warmup, double total) {
        double[] s = reports.stream().filter(r -> r.iteration() > warmup).mapToDouble(IterationReport::seconds).toArray();
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: %.3f s/iteration mean, median %.3f, min %.3f, max %.3f (%d iterations); whole fit "
                        + "incl. preprocessing, PCA, setup %.1f s%n", what, Arrays.stream(s).average().orElse(Double.NaN),
                sorted[s.length / 2], sorted[0], sorted[s.length - 1], s.length, total);
    }
}
