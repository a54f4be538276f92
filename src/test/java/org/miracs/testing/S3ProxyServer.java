package org.miracs.testing;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.amazonaws.services.s3.model.ListObjectsV2Request;
import com.amazonaws.services.s3.model.ListObjectsV2Result;
import com.amazonaws.services.s3.model.S3ObjectSummary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;

/**
 * A real S3 API on loopback: s3proxy with its in-memory ({@code transient}) store, in a child JVM
 * because its Jetty and Jackson clash with Spark's. Maven copies the jar to target/s3proxy
 * (maven-dependency-plugin, phase process-test-resources).
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String REGION = "us-east-1";
    private static final String IDENTITY = "miracs-test";
    private static final String CREDENTIAL = "miracs-test-secret";
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final ChildJvm jvm;
    private final String endpoint;

    private S3ProxyServer(ChildJvm jvm, String endpoint) {
        this.jvm = jvm;
        this.endpoint = endpoint;
    }

    /** Starts s3proxy on a free port and waits until it accepts connections; config and log go to {@code dir}. */
    public static S3ProxyServer start(Path dir) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("miracs.s3proxy.jar", "target/s3proxy/s3proxy-jar-with-dependencies.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("s3proxy jar not found at " + jar.toAbsolutePath() + "; Maven copies "
                    + "org.gaul:s3proxy:jar-with-dependencies there in process-test-resources (run the tests with mvn)");
        }
        int port = freePort();
        String endpoint = "http://127.0.0.1:" + port;
        Path properties = dir.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL,
                "jclouds.provider=transient",
                "jclouds.identity=" + IDENTITY,
                "jclouds.credential=" + CREDENTIAL, ""), StandardCharsets.UTF_8);
        ChildJvm jvm = ChildJvm.mainClass("org.gaul.s3proxy.Main").classpath(jar.toString()).jvmOption("-Xmx256m")
                .args("--properties", properties.toString()).start(dir.resolve("s3proxy.log"));
        try {
            awaitPort(jvm, port);
        } catch (RuntimeException | Error | InterruptedException e) {
            jvm.close();
            throw e;
        }
        return new S3ProxyServer(jvm, endpoint);
    }

    public String endpoint() {
        return endpoint;
    }

    public void createBucket(String bucket) {
        withClient(s3 -> s3.createBucket(bucket));
    }

    /** Every object key in the bucket (folders written by s3a show up as their marker or file keys). */
    public List<String> keys(String bucket) {
        return withClient(s3 -> {
            List<String> keys = new ArrayList<>();
            ListObjectsV2Request request = new ListObjectsV2Request().withBucketName(bucket);
            ListObjectsV2Result page;
            do {
                page = s3.listObjectsV2(request);
                page.getObjectSummaries().stream().map(S3ObjectSummary::getKey).forEach(keys::add);
                request.setContinuationToken(page.getNextContinuationToken());
            } while (page.isTruncated());
            return keys;
        });
    }

    /**
     * s3a settings for {@code s3a://bucket} only (per-bucket keys), so other tests sharing {@code conf}
     * and other buckets are not affected.
     */
    public void configureS3a(Configuration conf, String bucket) {
        s3aSettings(bucket).forEach(conf::set);
    }

    /** Removes what {@link #configureS3a} set. */
    public void unconfigureS3a(Configuration conf, String bucket) {
        s3aSettings(bucket).forEach((key, value) -> conf.unset(key));
    }

    private Map<String, String> s3aSettings(String bucket) {
        String p = "fs.s3a.bucket." + bucket + ".";
        Map<String, String> m = new LinkedHashMap<>();
        m.put(p + "endpoint", endpoint);
        m.put(p + "endpoint.region", REGION);
        m.put(p + "path.style.access", "true");
        m.put(p + "connection.ssl.enabled", "false");
        m.put(p + "aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        m.put(p + "access.key", IDENTITY);
        m.put(p + "secret.key", CREDENTIAL);
        return m;
    }

    /** Stops s3proxy (its store is in memory: everything in it is gone). */
    @Override
    public void close() {
        jvm.close();
    }

    private <T> T withClient(Function<AmazonS3, T> call) {
        AmazonS3 s3 = AmazonS3ClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(endpoint, REGION))
                .withPathStyleAccessEnabled(true)
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(IDENTITY, CREDENTIAL)))
                .build();
        try {
            return call.apply(s3);
        } finally {
            s3.shutdown();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(ChildJvm jvm, int port) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException("s3proxy exited before opening port " + port + ". " + jvm.logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("s3proxy did not open port " + port + " within " + STARTUP + ". " + jvm.logTail());
    }
}
