package org.miracs.cluster;

import static org.apache.spark.sql.functions.col;
import static org.miracs.testing.MiracsCli.miracs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miracs.schema.Columns;
import org.miracs.schema.Tables;
import org.miracs.testing.MiracsCli.Outcome;
import org.miracs.testing.RunJson;
import org.miracs.testing.S3ProxyServer;
import org.miracs.testing.SparkTestBase;

/**
 * {@code miracs run} with its inputs and its results on S3 (s3a://, against s3proxy on loopback) gives
 * the same tables as the same run on local disk, commits with {@code _SUCCESS} and leaves no staging
 * folder behind; the TF network next to the inputs is found on S3 too.
 */
class S3aRunTest extends SparkTestBase {
    private static final String BUCKET = "miracs-s3a-test";
    private static final String IN = "s3a://" + BUCKET + "/in";
    private static final String OUT = "s3a://" + BUCKET + "/out";
    private static final String TF_NETWORK = "tf_network.tsv";
    /** Fewer permutations than the default 10000: enrichment still runs fully, in less time. */
    private static final String[] SETTINGS = {"--set", "enrichment.permutations=2000"};

    @TempDir
    static Path serverDir;
    private static S3ProxyServer s3;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3ProxyServer.start(serverDir);
        s3.createBucket(BUCKET);
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.close();
        }
    }

    /** The suite shares one Hadoop configuration: drop this bucket's settings and its cached file system. */
    @AfterEach
    void forgetBucket() throws IOException {
        Configuration conf = spark().sparkContext().hadoopConfiguration();
        FileSystem.get(URI.create("s3a://" + BUCKET + "/"), conf).close();
        s3.unconfigureS3a(conf, BUCKET);
    }

    @Test
    void runOnS3MatchesARunOnLocalDisk() throws Exception {
        Configuration conf = spark().sparkContext().hadoopConfiguration();
        s3.configureS3a(conf, BUCKET);
        upload(Path.of("sample-data"), IN, conf);

        long start = System.nanoTime();
        Outcome onS3 = miracs(run(IN, OUT));
        double s3Seconds = (System.nanoTime() - start) / 1e9;
        Assertions.assertEquals(0, onS3.code(), onS3.err());
        start = System.nanoTime();
        Path local = tmp.resolve("local");
        Outcome onDisk = miracs(run("sample-data", local.toString()));
        double localSeconds = (System.nanoTime() - start) / 1e9;
        Assertions.assertEquals(0, onDisk.code(), onDisk.err());
        System.out.printf("S3aRunTest: run on s3a %.1f s, on local disk %.1f s%n", s3Seconds, localSeconds);

        List<String> keys = s3.keys(BUCKET);
        Assertions.assertTrue(keys.contains("out/_SUCCESS"), "no out/_SUCCESS in " + keys);
        Assertions.assertTrue(keys.stream().noneMatch(k -> k.startsWith(".out.inprogress-")),
                "staging folder left in the bucket: " + keys);

        String runJson = readText(OUT + "/run.json", conf);
        Assertions.assertEquals(IN, RunJson.string(runJson, "data_dir"), runJson);
        Assertions.assertTrue(RunJson.arrayContains(runJson, "networks", TF_NETWORK), "TF network not used: " + runJson);
        long tfRows = spark().read().parquet(OUT + "/" + Tables.PATHWAY_ACTIVITY.path())
                .filter(col(Columns.NETWORK).equalTo(TF_NETWORK)).count();
        Assertions.assertTrue(tfRows > 0, "no pathway_activity rows of " + TF_NETWORK);

        SameResults.assertSameResults(spark(), OUT, local.toString());
    }

    private static String[] run(String dataDir, String out) {
        return Stream.concat(Stream.of("run", "--data-dir", dataDir, "--out", out), Stream.of(SETTINGS))
                .toArray(String[]::new);
    }

    /** Copies the files of a local folder (not its subfolders) to a Hadoop path. */
    private static void upload(Path dir, String target, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(target);
        FileSystem fs = to.getFileSystem(conf);
        try (Stream<Path> files = Files.list(dir)) {
            org.apache.hadoop.fs.Path[] sources = files.filter(Files::isRegularFile)
                    .map(p -> new org.apache.hadoop.fs.Path(p.toAbsolutePath().toUri()))
                    .toArray(org.apache.hadoop.fs.Path[]::new);
            Assertions.assertTrue(sources.length >= 5, "sample-data holds the four inputs and " + TF_NETWORK);
            fs.mkdirs(to);
            fs.copyFromLocalFile(false, true, sources, to);
        }
    }

    private static String readText(String path, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        try (InputStream in = p.getFileSystem(conf).open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
