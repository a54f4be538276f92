package org.miracs.cli;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/** The job's SparkSession: the master comes from spark-submit or bin/miracs; plain java gets local[*]. */
final class SparkSessions {
    private SparkSessions() {}

    /**
     * The Hadoop configuration the session will have (site files plus {@code spark.hadoop.*}), for
     * reading a config file before Spark starts.
     */
    static Configuration hadoopConfigurationBeforeSession() {
        Configuration hadoop = new Configuration();
        for (Tuple2<String, String> kv : new SparkConf().getAllWithPrefix("spark.hadoop.")) {
            hadoop.set(kv._1(), kv._2());
        }
        return hadoop;
    }

    static SparkSession getOrCreate(String appName) {
        SparkConf conf = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (!conf.contains("spark.master")) {
            builder.master("local[*]");
        }
        String master = conf.get("spark.master", "local[*]");
        if (master.startsWith("local") && !conf.contains("spark.sql.shuffle.partitions")) {
            // 200 shuffle partitions are for clusters; on a laptop they turn every cached shuffle result
            // into hundreds of tiny tasks
            builder.config("spark.sql.shuffle.partitions", Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        }
        return builder.getOrCreate();
    }
}
