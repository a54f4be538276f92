package org.miracs.pipeline;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.miracs.config.MiracsConfig;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.miracs.schema.TableDef;

/** What a run's stages share: Spark, the configuration, the input folder, the output and the artifacts. */
public final class RunContext {
    private final SparkSession spark;
    private final MiracsConfig config;
    private final String dataDir;
    private final RunOutput output;
    private final RunMetadata metadata;
    private final Map<String, Object> artifacts = new HashMap<>();

    public RunContext(SparkSession spark, MiracsConfig config, String dataDir, RunOutput output, RunMetadata metadata) {
        this.spark = spark;
        this.config = config;
        this.dataDir = dataDir;
        this.output = output;
        this.metadata = metadata;
    }

    public SparkSession spark() {
        return spark;
    }

    public MiracsConfig config() {
        return config;
    }

    public String dataDir() {
        return dataDir;
    }

    public RunOutput output() {
        return output;
    }

    public RunMetadata metadata() {
        return metadata;
    }

    public <T> void put(ArtifactKey<T> key, T value) {
        artifacts.put(key.name(), value);
    }

    public <T> T get(ArtifactKey<T> key) {
        Object value = artifacts.get(key.name());
        if (value == null) {
            throw new IllegalStateException("no '" + key.name() + "' in this run: the stage producing it did not run");
        }
        return key.type().cast(value);
    }

    /**
     * Writes a table into the run's staging folder, columns in their declared order and types, and
     * returns it read back from Parquet, so later stages start from the written data rather than
     * re-running its lineage.
     */
    public Dataset<Row> writeTable(TableDef table, Dataset<Row> data) {
        Dataset<Row> ordered = data.selectExpr(quoted(table.columnNames()));
        for (StructField declared : table.schema().fields()) {
            DataType actual = ordered.schema().apply(declared.name()).dataType();
            if (!DataType.equalsIgnoreNullability(actual, declared.dataType())) {
                throw new IllegalStateException(table.path() + "." + declared.name() + " is " + actual.simpleString()
                        + ", declared " + declared.dataType().simpleString());
            }
        }
        String path = output.stagingPath(table.path());
        ordered.write().mode(SaveMode.ErrorIfExists).parquet(path);
        return spark.read().parquet(path);
    }

    private static String[] quoted(String[] names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = "`" + names[i] + "`";
        }
        return out;
    }
}
