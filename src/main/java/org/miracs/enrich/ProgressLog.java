package org.miracs.enrich;

import java.util.Locale;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs "units done / total" on the driver while a Spark action runs, by polling an accumulator the
 * tasks add to (task retries may count a unit twice; the figure is only progress).
 */
final class ProgressLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);
    private final String what;
    private final LongAccumulator done;
    private final long total;
    private final long start = System.nanoTime();
    private final Thread thread;

    ProgressLog(String what, LongAccumulator done, long total, long periodMillis) {
        this.what = what;
        this.done = done;
        this.total = total;
        this.thread = new Thread(() -> {
            long last = -1;
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(periodMillis);
                    long now = Math.min(total, done.value());
                    if (now != last) {
                        log(now);
                        last = now;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "miracs-progress-" + what);
        thread.setDaemon(true);
        thread.start();
    }

    private void log(long now) {
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info(String.format(Locale.ROOT, "%s: %d / %d units (%.0f%%), %.1f s", what, now, total,
                total == 0 ? 100.0 : 100.0 * now / total, seconds));
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log(Math.min(total, done.value()));
    }
}
