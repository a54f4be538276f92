package org.miracs.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.BeforeEach;

/**
 * One local SparkSession for the whole test JVM (spark-testing-base's shared context, started by the
 * first Spark test and never stopped), with small shuffles so tiny test data stays fast.
 */
public abstract class SparkTestBase extends JavaDataFrameSuiteBase {
    @BeforeEach
    void startSharedSpark() {
        runBefore();
    }

    @Override
    public SparkConf conf() {
        return new SparkConf()
                .setMaster("local[2]")
                .setAppName("miracs-tests")
                .set("spark.ui.enabled", "false")
                .set("spark.sql.shuffle.partitions", "4")
                .set("spark.default.parallelism", "2")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.app.id", "miracs-tests");
    }

    @Override
    public boolean enableHiveSupport() {
        return false;
    }
}
