package org.miracs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * For a child-JVM driver ({@code spark.extraListeners}): records which executor ran a successful task
 * of which stage, as lines {@code executorId<TAB>stage name} (e.g. {@code 1	collect at Foo.java:12})
 * in the file {@value #FILE_KEY}, so a test can prove the work really was spread over executor JVMs.
 */
public final class TaskExecutorsListener extends SparkListener {
    public static final String FILE_KEY = "spark.miracs.test.taskExecutorsFile";

    private final Path file;
    private final Map<Integer, String> stageNames = new ConcurrentHashMap<>();
    private final Set<String> seen = new TreeSet<>();

    public TaskExecutorsListener(SparkConf conf) {
        this.file = Path.of(conf.get(FILE_KEY));
    }

    /** The executor-stage lines a driver wrote (no file: no task ran). */
    public static Set<String> read(Path file) throws IOException {
        return Files.exists(file) ? new TreeSet<>(Files.readAllLines(file, StandardCharsets.UTF_8)) : Set.of();
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        stageNames.put(submitted.stageInfo().stageId(), submitted.stageInfo().name());
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        if (!end.taskInfo().successful()) {
            return;
        }
        String line = end.taskInfo().executorId() + "\t" + stageNames.getOrDefault(end.stageId(), "?");
        if (seen.add(line)) {
            try {
                // the whole set each time: the driver JVM may end without telling its listeners
                Files.write(file, seen, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
