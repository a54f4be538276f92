package org.miracs.integrate.mofa;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent index tasks (feature blocks, groups). Every task writes only its own outputs and the
 * trainer merges partial results in index order, so results never depend on the executor.
 */
@FunctionalInterface
public interface MofaExecutor {

    /** Runs {@code task.accept(i)} for i in [0, n), possibly concurrently; returns when all are done. */
    void forEach(int n, IntConsumer task);

    /** Runs everything in the calling thread. */
    static MofaExecutor serial() {
        return (n, task) -> {
            for (int i = 0; i < n; i++) task.accept(i);
        };
    }

    /** Parallel streams inside the given pool. */
    static MofaExecutor forkJoin(ForkJoinPool pool) {
        return (n, task) -> {
            if (n <= 1) {
                for (int i = 0; i < n; i++) task.accept(i);
                return;
            }
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(task)).join();
        };
    }

    /** A dedicated pool with the given number of threads (1 = serial). */
    static MofaExecutor threads(int threads) {
        if (threads <= 1) return serial();
        return forkJoin(new ForkJoinPool(threads));
    }
}
