package org.miracs.cluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miracs.integrate.SparkMofaTrainer;
import org.miracs.testing.ChildJvm;
import org.miracs.testing.MiracsDriverJvm;
import org.miracs.testing.RunJson;
import org.miracs.testing.SparkTestBase;
import org.miracs.testing.TaskExecutorsListener;

/**
 * The sample pipeline on two executor JVMs ({@code local-cluster}: tasks, shuffles, broadcasts and
 * the Spark MOFA engine go through serialisation and the network) gives the same tables, bit for bit,
 * as a single-threaded {@code local[1]} run. Each run has its own driver JVM, since this JVM already
 * holds the suite's SparkContext; the tables are compared here.
 */
class LocalClusterEquivalenceTest extends SparkTestBase {
    private static final String CLUSTER = "local-cluster[2,1,1024]";
    private static final int EXECUTORS = 2;
    /** Fewer permutations than the default 10000: enrichment still runs fully, in less time. */
    private static final String[] SETTINGS = {"--set", "enrichment.permutations=2000"};
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    @TempDir
    Path tmp;

    @Test
    void twoExecutorJvmsReproduceASingleThreadedRun() throws Exception {
        Path single = tmp.resolve("local1");
        Path cluster = tmp.resolve("cluster");
        Path taskExecutors = tmp.resolve("task-executors.tsv");
        // both drivers at once: the cluster run mostly waits on its executors
        try (ChildJvm singleRun = run("local[1]", single).start(tmp.resolve("local1.log"));
             ChildJvm clusterRun = run(CLUSTER, cluster)
                     .systemProperty("spark.extraListeners", TaskExecutorsListener.class.getName())
                     .systemProperty(TaskExecutorsListener.FILE_KEY, taskExecutors.toString())
                     .start(tmp.resolve("cluster.log"))) {
            singleRun.awaitSuccess(TIMEOUT);
            clusterRun.awaitSuccess(TIMEOUT);

            String runJson = Files.readString(cluster.resolve("run.json"), StandardCharsets.UTF_8);
            Assertions.assertEquals(CLUSTER, RunJson.string(runJson, "spark_master"), clusterRun.logTail());
            Assertions.assertEquals("local[1]", RunJson.string(Files.readString(single.resolve("run.json"),
                    StandardCharsets.UTF_8), "spark_master"));
            assertSpreadOverExecutors(TaskExecutorsListener.read(taskExecutors), clusterRun);
        }

        SameResults.assertSameResults(spark(), single.toString(), cluster.toString());
    }

    private static ChildJvm.Builder run(String master, Path out) {
        return MiracsDriverJvm.builder(master, "run", "--data-dir", "sample-data", "--out", out.toString()).args(SETTINGS);
    }

    /** Both executors ran tasks, the Spark MOFA engine's among them; the driver ran none. */
    private static void assertSpreadOverExecutors(Set<String> executorStages, ChildJvm run) {
        Set<String> executors = new TreeSet<>();
        Set<String> mofaExecutors = new TreeSet<>();
        for (String line : executorStages) {
            String executor = line.substring(0, line.indexOf('\t'));
            executors.add(executor);
            if (line.contains(SparkMofaTrainer.class.getSimpleName() + ".java")) {
                mofaExecutors.add(executor);
            }
        }
        Assertions.assertEquals(EXECUTORS, executors.size(), "executors that ran tasks: " + executors + ". " + run.logTail());
        Assertions.assertFalse(executors.contains("driver"), "tasks ran in the driver: " + executors);
        Assertions.assertEquals(executors, mofaExecutors, "executors that ran Spark MOFA tasks");
    }
}
