package org.miracs.pipeline;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Adds up the CPU and wall time of every finished Spark task, wherever it ran, so each pipeline
 * stage can say how much of its work ran in tasks and how much on the driver alone (the figures a
 * scaling study needs). Failed attempts count too: their time was spent.
 */
public final class TaskTimeListener extends SparkListener {
    private static final long QUIET_NANOS = 100_000_000L;
    private static final long MAX_WAIT_NANOS = 1_000_000_000L;

    private final AtomicLong cpuNanos = new AtomicLong();
    private final AtomicLong runMillis = new AtomicLong();
    private final AtomicLong tasks = new AtomicLong();
    private volatile long lastEventNanos = System.nanoTime();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics m = end.taskMetrics();
        if (m != null) {
            cpuNanos.addAndGet(m.executorCpuTime());
            runMillis.addAndGet(m.executorRunTime());
        }
        tasks.incrementAndGet();
        lastEventNanos = System.nanoTime();
    }

    /** CPU seconds of all tasks finished so far. */
    public double taskCpuSeconds() {
        return cpuNanos.get() / 1e9;
    }

    /** Wall seconds of all tasks finished so far (summed over tasks, not elapsed). */
    public double taskSeconds() {
        return runMillis.get() / 1e3;
    }

    public long tasks() {
        return tasks.get();
    }

    /**
     * Listener events arrive asynchronously: waits until none has arrived for 100 ms (at most 1 s),
     * so the tasks of jobs that just finished are counted in the stage that ran them.
     */
    public void awaitQuiet() {
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        try {
            while (System.nanoTime() - lastEventNanos < QUIET_NANOS && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
