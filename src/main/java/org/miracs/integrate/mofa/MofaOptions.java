package org.miracs.integrate.mofa;

import java.util.OptionalDouble;

/**
 * Immutable model, data and training options, named after mofapy2's entry point options.
 *
 * @param numFactors        K, the initial number of factors ({@code factors})
 * @param seed              seed of the random choices (mofapy2 {@code seed}); with the PCA initialisation
 *                          used here it only affects which factor {@code dropR2} removes among ties
 * @param convergenceMode   {@code convergence_mode}
 * @param maxIterations     {@code iter}; as in mofapy2 iterations 1 .. maxIterations-1 are run
 * @param startSparsity     {@code startSparsity}: ThetaW is only updated from this iteration on (50)
 * @param spikeSlabWeights  {@code spikeslab_weights}
 * @param ardWeights        {@code ard_weights} (AlphaW per view and factor)
 * @param ardFactors        {@code ard_factors} (AlphaZ per group and factor)
 * @param scaleViews        {@code scale_views}: divide each view by its global nanstd after centring
 * @param centerGroups      {@code center_groups}: subtract per-group feature means
 * @param dropR2            {@code dropR2} as a fraction (not percent); empty = never drop factors
 * @param startElbo         {@code startELBO}
 * @param elboFrequency     {@code freqELBO}
 * @param noStop            {@code nostop}: never stop on convergence
 */
public record MofaOptions(
        int numFactors,
        long seed,
        ConvergenceMode convergenceMode,
        int maxIterations,
        int startSparsity,
        boolean spikeSlabWeights,
        boolean ardWeights,
        boolean ardFactors,
        boolean scaleViews,
        boolean centerGroups,
        OptionalDouble dropR2,
        int startElbo,
        int elboFrequency,
        boolean noStop) {

    public MofaOptions {
        if (numFactors < 1) throw new IllegalArgumentException("numFactors must be >= 1");
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1");
        if (convergenceMode == null) throw new IllegalArgumentException("convergenceMode is null");
        if (dropR2 == null) dropR2 = OptionalDouble.empty();
        if (dropR2.isPresent() && !(dropR2.getAsDouble() >= 0)) dropR2 = OptionalDouble.empty();
        if (startElbo < 1) startElbo = 1; // mofapy2: startELBO == 0 -> 1
        if (elboFrequency < 1) elboFrequency = maxIterations + 1; // mofapy2: freqELBO 0/None -> never
    }

    /**
     * mofapy2 entry-point defaults for a multi-group model (spike-slab weights, ARD on weights and on factors,
     * fast convergence, 1000 iterations, ELBO every iteration, centred groups, no scaling, no dropping).
     */
    public static MofaOptions defaults(int numFactors) {
        return new MofaOptions(numFactors, 42L, ConvergenceMode.FAST, 1000, 50, true, true, true,
                false, true, OptionalDouble.empty(), 1, 1, false);
    }

    /** The MIRACS authors' run_mofa.py settings: 30 factors, seed 1993, scale_views, spike-slab, both ARDs, fast. */
    public static MofaOptions miracsDefaults() {
        return defaults(30).withSeed(1993L).withScaleViews(true);
    }

    public MofaOptions withNumFactors(int v) {
        return new MofaOptions(v, seed, convergenceMode, maxIterations, startSparsity, spikeSlabWeights, ardWeights,
                ardFactors, scaleViews, centerGroups, dropR2, startElbo, elboFrequency, noStop);
    }

    public MofaOptions withSeed(long v) {
        return new MofaOptions(numFactors, v, convergenceMode, maxIterations, startSparsity, spikeSlabWeights,
                ardWeights, ardFactors, scaleViews, centerGroups, dropR2, startElbo, elboFrequency, noStop);
    }

    public MofaOptions withConvergenceMode(ConvergenceMode v) {
        return new MofaOptions(numFactors, seed, v, maxIterations, startSparsity, spikeSlabWeights, ardWeights,
                ardFactors, scaleViews, centerGroups, dropR2, startElbo, elboFrequency, noStop);
    }

    public MofaOptions withMaxIterations(int v) {
        return new MofaOptions(numFactors, seed, convergenceMode, v, startSparsity, spikeSlabWeights, ardWeights,
                ardFactors, scaleViews, centerGroups, dropR2, startElbo, elboFrequency, noStop);
    }

    public MofaOptions withStartSparsity(int v) {
        return new MofaOptions(numFactors, seed, convergenceMode, maxIterations, v, spikeSlabWeights, ardWeights,
                ardFactors, scaleViews, centerGroups, dropR2, startElbo, elboFrequency, noStop);
    }

    public MofaOptions withSpikeSlabWeights(boolean v) {
        return new MofaOptions(numFactors, seed, convergenceMode, maxIterations, startSparsity, v, ardWeights,
                ardFactors, scaleViews, centerGroups, dropR2, startElbo, elboFrequency, noStop);
    }

    public MofaOptions withArdWeights(boolean v) {
        return new MofaOptions(numFactors, seed, convergenceMode, maxIterations, startSparsity, spikeSlabWeights, v,
                ardFactors, scaleViews, centerGroups, dropR2, startElbo, elboFrequency, noStop);
    }

    public MofaOptions withArdFactors(boolean v) {
        return new MofaOptions(numFactors, seed, convergenceMode, maxIterations, startSparsity, spikeSlabWeights,
                ardWeights, v, scaleViews, centerGroups, dropR2, startElbo, elboFrequency, noStop);
    }

    public MofaOptions withScaleViews(boolean v) {
        return new MofaOptions(numFactors, seed, convergenceMode, maxIterations, startSparsity, spikeSlabWeights,
                ardWeights, ardFactors, v, centerGroups, dropR2, startElbo, elboFrequency, noStop);
    }

    public MofaOptions withCenterGroups(boolean v) {
        return new MofaOptions(numFactors, seed, convergenceMode, maxIterations, startSparsity, spikeSlabWeights,
                ardWeights, ardFactors, scaleViews, v, dropR2, startElbo, elboFrequency, noStop);
    }

    /** Fraction of variance (not percent); a negative value or NaN switches dropping off. */
    public MofaOptions withDropR2(double v) {
        return new MofaOptions(numFactors, seed, convergenceMode, maxIterations, startSparsity, spikeSlabWeights,
                ardWeights, ardFactors, scaleViews, centerGroups,
                v >= 0 ? OptionalDouble.of(v) : OptionalDouble.empty(), startElbo, elboFrequency, noStop);
    }

    public MofaOptions withElboSchedule(int start, int frequency) {
        return new MofaOptions(numFactors, seed, convergenceMode, maxIterations, startSparsity, spikeSlabWeights,
                ardWeights, ardFactors, scaleViews, centerGroups, dropR2, start, frequency, noStop);
    }

    public MofaOptions withNoStop(boolean v) {
        return new MofaOptions(numFactors, seed, convergenceMode, maxIterations, startSparsity, spikeSlabWeights,
                ardWeights, ardFactors, scaleViews, centerGroups, dropR2, startElbo, elboFrequency, v);
    }
}
