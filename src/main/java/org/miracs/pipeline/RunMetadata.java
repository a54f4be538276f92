package org.miracs.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
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

    /** Starts the heap sampler with the run, so the peak covers every stage. */
    public RunMetadata(String command, String runId, String dataDir, String outDir, Map<String, String> settings,
                       String sparkVersion, String sparkMaster) {
        peakHeapMb();
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

    /** A stage timed from outside a Spark pipeline (only its wall time and the driver JVM's peak heap). */
    public void recordStage(String name, double seconds) {
        recordStage(name, seconds, Double.NaN, Double.NaN);
    }

    /**
     * @param driverCpuSeconds CPU time of the driver JVM during the stage (NaN: not measured)
     * @param taskCpuSeconds   CPU time of the Spark tasks of the stage, wherever they ran (NaN: not measured)
     */
    public void recordStage(String name, double seconds, double driverCpuSeconds, double taskCpuSeconds) {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("name", name);
        stage.put("seconds", round3(seconds));
        if (!Double.isNaN(driverCpuSeconds)) {
            stage.put("driver_jvm_cpu_seconds", round3(driverCpuSeconds));
        }
        if (!Double.isNaN(taskCpuSeconds)) {
            stage.put("task_cpu_seconds", round3(taskCpuSeconds));
        }
        stage.put("driver_peak_heap_mb", peakHeapMb());
        stages.add(stage);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** CPU time this JVM has used, all threads (in local mode: the Spark tasks too). */
    public static double jvmCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
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

    /** Peak heap in use (live objects and not yet collected garbage) since this JVM started, in MB. */
    public static long peakHeapMb() {
        return HeapPeak.INSTANCE.peakMb();
    }

    /**
     * Samples the heap in use every 100 ms on a daemon thread and keeps the maximum. Unlike summing the
     * memory pools' own peaks (reached at different times), this never exceeds the heap limit.
     */
    private static final class HeapPeak {
        static final HeapPeak INSTANCE = new HeapPeak();
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();

        private HeapPeak() {
            Thread t = new Thread(() -> {
                while (true) {
                    sample();
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "miracs-heap-peak");
            t.setDaemon(true);
            t.start();
        }

        private void sample() {
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            peak.accumulateAndGet(used, Math::max);
        }

        long peakMb() {
            sample();
            return peak.get() / (1024 * 1024);
        }
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
