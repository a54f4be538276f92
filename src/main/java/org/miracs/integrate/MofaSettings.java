package org.miracs.integrate;

import java.util.OptionalDouble;
import org.miracs.config.MiracsConfig;
import org.miracs.integrate.mofa.ConvergenceMode;
import org.miracs.integrate.mofa.MofaOptions;

/** The run's MOFA parameters as the numerical core's options (mofapy2's names and schedule). */
public final class MofaSettings {
    /** mofapy2 starts updating ThetaW (spike-and-slab) at iteration 50. */
    static final int START_SPARSITY = 50;

    private MofaSettings() {}

    public static MofaOptions options(MiracsConfig.Mofa c) {
        return new MofaOptions(c.factors(), c.seed(), ConvergenceMode.valueOf(c.convergence().name()), c.maxIterations(),
                START_SPARSITY, c.spikeSlabWeights(), c.ardWeights(), c.ardFactors(), c.scaleViews(), true,
                Double.isNaN(c.dropR2()) ? OptionalDouble.empty() : OptionalDouble.of(c.dropR2()), 1, 1, false);
    }
}
