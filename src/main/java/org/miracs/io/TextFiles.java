package org.miracs.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Text files on any Hadoop file system (local, hdfs://, s3a://, gs://), compressed or not: the
 * header line read on the driver, the data lines as an RDD without the header.
 */
public final class TextFiles {
    private TextFiles() {}

    public static BufferedReader open(Configuration conf, String file) throws IOException {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem(conf);
        InputStream in = fs.open(path);
        CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
        if (codec != null) {
            in = codec.createInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The first line, without a UTF-8 byte-order mark; an InputException if the file is empty. */
    public static String headerLine(SparkSession spark, String file) {
        try (BufferedReader reader = open(spark.sparkContext().hadoopConfiguration(), file)) {
            String line = reader.readLine();
            if (line == null) {
                throw InputException.of(file, "the file is empty; expected a header line");
            }
            return stripCr(stripBom(line));
        } catch (IOException e) {
            throw InputException.of(file, "cannot read: " + e.getMessage());
        }
    }

    /** Files saved on Windows end lines with CR LF; the CR is not part of the last field. */
    static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }

    /**
     * The lines after the header. Partition 0 of a single file starts at the file's first byte, so
     * dropping its first line drops exactly the header.
     */
    public static JavaRDD<String> dataLines(SparkSession spark, String file) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return jsc.textFile(file).mapPartitionsWithIndex((index, lines) -> {
            if (index == 0 && lines.hasNext()) {
                lines.next();
            }
            return lines;
        }, true).map(TextFiles::stripCr).filter(line -> !line.isEmpty());
    }

    public static boolean exists(Configuration conf, String file) {
        try {
            Path path = new Path(file);
            return path.getFileSystem(conf).exists(path);
        } catch (IOException e) {
            return false;
        }
    }

    public static String child(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
