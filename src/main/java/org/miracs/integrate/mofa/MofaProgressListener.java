package org.miracs.integrate.mofa;

/** Receives one report per iteration (e.g. for a Spark driver's log). Called on the training thread. */
@FunctionalInterface
public interface MofaProgressListener {
    void onIteration(IterationReport report);

    /** Ignores all reports. */
    static MofaProgressListener none() {
        return r -> { };
    }
}
