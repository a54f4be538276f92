package org.miracs.sampledata;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What {@link SampleDataGenerator#generate} wrote.
 *
 * @param outDir  output directory
 * @param files   logical name (model, expression, proteomics, prism, truth/...) to written file
 * @param counts  summary counts (also written to truth/summary.tsv), in a stable order
 * @param elapsed wall time
 */
public record GenerationResult(Path outDir, Map<String, Path> files, Map<String, Long> counts, Duration elapsed) {
    public GenerationResult {
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }

    public long count(String key) {
        Long v = counts.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no count " + key);
        }
        return v;
    }
}
