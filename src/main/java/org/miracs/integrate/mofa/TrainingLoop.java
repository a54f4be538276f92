package org.miracs.integrate.mofa;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * mofapy2's training schedule, shared by the single-JVM and the Spark trainer: initial ELBO, then per
 * iteration an optional factor drop, one update sweep and (every {@code freqELBO} from {@code startELBO})
 * the ELBO with its convergence check. The trainers differ only in how they carry out the steps.
 */
public final class TrainingLoop {
    private TrainingLoop() {}

    /** The steps of one training run. */
    public interface Steps {
        /** ELBO of the initial state. */
        ElboTerms initialElbo();

        /** Active factors now. */
        int numFactors();

        /** mofapy2 removeInactiveFactors before an iteration (only called when dropR2 is set). */
        void dropInactiveFactor(double minR2, Random rng);

        /** One sweep W, AlphaW, ThetaW, Z, AlphaZ, Tau. */
        void iterate(int iteration);

        /** ELBO of the state after the last {@link #iterate}. */
        ElboTerms elbo();
    }

    /** The ELBO trace, the last iteration run and whether training converged. */
    public record Outcome(List<ElboRecord> trace, int lastIteration, boolean converged) {}

    public static Outcome run(Steps steps, MofaOptions options, MofaProgressListener listener) {
        List<ElboRecord> trace = new ArrayList<>();
        ElboTerms e0 = steps.initialElbo();
        trace.add(new ElboRecord(0, e0, steps.numFactors(), 0.0));
        listener.onIteration(new IterationReport(0, e0.total(), Double.NaN, steps.numFactors(), 0.0));
        ConvergenceMonitor monitor = new ConvergenceMonitor(options.convergenceMode(), e0.total());
        Random rng = new Random(options.seed());
        double[] elboAt = new double[options.maxIterations() + 1];
        elboAt[0] = e0.total();
        boolean converged = false;
        int last = 0;
        for (int i = 1; i < options.maxIterations(); i++) {
            long t0 = System.nanoTime();
            if (options.dropR2().isPresent()) steps.dropInactiveFactor(options.dropR2().getAsDouble(), rng);
            steps.iterate(i);
            last = i;
            double elbo = Double.NaN, delta = Double.NaN;
            boolean evaluate = i >= options.startElbo() && (i - options.startElbo()) % options.elboFrequency() == 0;
            ElboTerms terms = null;
            if (evaluate) {
                terms = steps.elbo();
                elbo = terms.total();
                elboAt[i] = elbo;
                delta = i == options.startElbo() ? elbo - elboAt[0] : elbo - elboAt[i - options.elboFrequency()];
            }
            double seconds = (System.nanoTime() - t0) * 1e-9;
            if (evaluate) trace.add(new ElboRecord(i, terms, steps.numFactors(), seconds));
            listener.onIteration(new IterationReport(i, elbo, delta, steps.numFactors(), seconds));
            if (evaluate && i > options.startElbo() && !options.noStop() && monitor.update(delta)) {
                converged = true;
                break;
            }
        }
        return new Outcome(trace, last, converged);
    }
}
