package org.miracs.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.miracs.cli.MiracsMain;

/**
 * {@code bin/miracs} in a child JVM acting as the Spark driver, for runs that need their own
 * SparkContext (another master than the suite's shared local[2] session).
 */
public final class MiracsDriverJvm {
    /** bin/miracs' logging: MIRACS progress at INFO, so the child's log reads like a user's run. */
    private static final Path LOG_CONFIG = Path.of("conf", "log4j2.properties").toAbsolutePath();

    private MiracsDriverJvm() {}

    /** A driver for {@code master} running {@code miracs <miracsArgs>}; add options, then start it. */
    public static ChildJvm.Builder builder(String master, String... miracsArgs) {
        if (!Files.isRegularFile(LOG_CONFIG)) {
            throw new IllegalStateException(LOG_CONFIG + " not found: run the tests from the project folder");
        }
        ChildJvm.Builder b = ChildJvm.mainClass(MiracsMain.class.getName())
                .jvmOptions(ChildJvm.java17Opens())
                .jvmOption("-Xmx2g")
                // without a Spark distribution, local-cluster launches executors only in Spark's test mode
                .env("SPARK_TESTING", "1")
                .env("SPARK_SCALA_VERSION", scalaBinaryVersion())
                .systemProperty("spark.master", master)
                .systemProperty("spark.driver.host", "127.0.0.1")
                .systemProperty("spark.ui.enabled", "false")
                .systemProperty("log4j2.configurationFile", LOG_CONFIG.toString())
                .args(miracsArgs);
        if (master.startsWith("local-cluster")) {
            // executor JVMs get only what the worker passes them: the same classes as the driver
            b.systemProperty("spark.executor.extraClassPath", ChildJvm.testClasspath());
        }
        return b;
    }

    private static String scalaBinaryVersion() {
        String full = scala.util.Properties.versionNumberString();
        return full.substring(0, full.lastIndexOf('.'));
    }
}
