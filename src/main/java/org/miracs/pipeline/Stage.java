package org.miracs.pipeline;

/**
 * One step of a MIRACS run (ingest, integrate, correlate, enrich, interpret, report). A stage reads
 * what earlier stages put in the {@link RunContext}, writes its tables under the run's output folder
 * and puts what later stages need back into the context.
 */
public interface Stage {
    /** Short name used in logs, timings and run.json. */
    String name();

    void run(RunContext context) throws Exception;
}
