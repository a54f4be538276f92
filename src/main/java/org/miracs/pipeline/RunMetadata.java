package org.miracs.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** What a run records about itself in run.json: versions, parameters, inputs, stage timings and memory. */
public final class RunMetadata {
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<Map<String, Object>> stages = new ArrayList<>();
    private final Map<String, Object> inputs = new LinkedHashMap<>();

    public RunMetadata(String command, String runId, String dataDir, String outDir, Map<String, String> settings,
                       String sparkVersion, String sparkMaster) {
        root.put("miracs_version", miracsVersion());
        root.put("command", command);
        root.put("run_id", runId);
        root.put("started", Instant.now().toString());
        root.put("data_dir", dataDir);
        root.put("out_dir", outDir);
        root.put("java_version", System.getProperty("java.version"));
        root.put("spark_version", sparkVersion);
        root.put("spark_master", sparkMaster);
        root.put("inputs", inputs);
        root.put("config", new TreeMap<>(settings));
        root.put("stages", stages);
    }

    public void recordInput(String role, String path) {
        inputs.put(role, path);
    }

    public void recordStage(String name, double seconds) {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("name", name);
        stage.put("seconds", Math.round(seconds * 1000) / 1000.0);
        stage.put("driver_peak_heap_mb", peakHeapMb());
        stages.add(stage);
    }

    public void put(String key, Object value) {
        root.put(key, value);
    }

    public List<Map<String, Object>> stages() {
        return stages;
    }

    public String toJson() {
        root.put("finished", Instant.now().toString());
        root.put("driver_peak_heap_mb", peakHeapMb());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("run metadata is not serialisable", e);
        }
    }

    /** Sum over heap pools of their peak usage since the JVM started (an upper bound of the live peak). */
    public static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    public static String miracsVersion() {
        try (InputStream in = RunMetadata.class.getResourceAsStream("/org/miracs/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
