package org.miracs.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The job's SparkSession: the master comes from spark-submit or bin/miracs; plain java gets local[*]. */
final class SparkSessions {
    private SparkSessions() {}

    static SparkSession getOrCreate(String appName) {
        SparkConf conf = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (!conf.contains("spark.master")) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }
}
