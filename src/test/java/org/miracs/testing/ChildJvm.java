package org.miracs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A JVM started by a test (a Spark driver that must not share the suite's SparkContext, or a server
 * whose libraries clash with Spark's), with stdout and stderr in one log file. {@link #close()} kills
 * it together with the processes it started (a local-cluster driver's executor JVMs).
 */
public final class ChildJvm implements AutoCloseable {
    private static final int TAIL_LINES = 40;

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code java [options] -cp classpath mainClass [args]}. */
    public static Builder mainClass(String mainClass) {
        return new Builder(mainClass);
    }

    /**
     * The options Spark needs on Java 17, as the pom defines them: surefire passes them as a system
     * property; outside Maven they are taken from this JVM's own arguments.
     */
    public static List<String> java17Opens() {
        String fromPom = System.getProperty("miracs.java17.opens");
        if (fromPom != null && !fromPom.isBlank()) {
            return Arrays.asList(fromPom.trim().split("\\s+"));
        }
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.equals("-XX:+IgnoreUnrecognizedVMOptions")
                        || a.startsWith("-Djdk.reflect"))
                .toList();
    }

    /** The test classpath (surefire sets java.class.path to it even with its manifest-only booter jar). */
    public static String testClasspath() {
        return System.getProperty("java.class.path");
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the exit code; a JVM still running after {@code timeout} is killed and the test fails. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new AssertionError("child JVM still running after " + timeout + "; killed. " + logTail());
        }
        return process.exitValue();
    }

    /** Waits and fails the test, with the end of the log, unless the JVM exits with 0. */
    public void awaitSuccess(Duration timeout) throws InterruptedException {
        int code = waitFor(timeout);
        if (code != 0) {
            throw new AssertionError("child JVM exited with " + code + ". " + logTail());
        }
    }

    /** The last lines of the log, for assertion messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            return "Last lines of " + log + ":\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Kills the JVM and its child processes, and waits for them. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    child.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    /** Options of the child JVM; {@link #start(Path)} launches it. */
    public static final class Builder {
        private final String mainClass;
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> args = new ArrayList<>();
        private String classpath = testClasspath();

        private Builder(String mainClass) {
            this.mainClass = mainClass;
        }

        public Builder jvmOptions(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        public Builder systemProperty(String key, String value) {
            systemProperties.put(key, value);
            return this;
        }

        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public Builder classpath(String classpath) {
            this.classpath = classpath;
            return this;
        }

        public Builder args(String... more) {
            args.addAll(List.of(more));
            return this;
        }

        /** Starts the JVM with this JVM's java, output (both streams) to {@code log}. */
        public ChildJvm start(Path log) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.add("-cp");
            command.add(classpath);
            command.add(mainClass);
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            pb.environment().putAll(environment);
            try {
                return new ChildJvm(pb.start(), log);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + mainClass, e);
            }
        }
    }
}
