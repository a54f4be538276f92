package org.miracs.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one decoupler call (a samples x features score matrix, e.g. the factors x compounds rho of one
 * lineage) into {@link EnrichmentUnit}s the way {@code dc.mt.gsea} prepares its input: features that
 * are missing in some sample are dropped (MIRACS drops compounds with any NaN before calling decoupler)
 * or rejected, features whose score is 0 in every sample are dropped and samples that are 0 everywhere
 * are dropped (decoupler's {@code empty=True}; zeros are judged after the float32 rounding MIRACS
 * applies). The kept features keep the given order, which fixes the order of tied scores. Pure.
 */
public final class EnrichmentCalls {
    private EnrichmentCalls() {}

    /**
     * @param call     call name ("" for a single unnamed call)
     * @param samples  sample names, one per row of {@code scores}
     * @param features feature names, one per column
     * @param scores   samples x features; NaN = missing
     * @param dropIncomplete drop a feature missing in any sample; false: such a matrix is an error
     *                 ({@link IllegalArgumentException} naming the first missing cell)
     */
    public static Result build(String call, String[] samples, String[] features, double[][] scores,
                               boolean dropIncomplete) {
        int nS = samples.length;
        int nF = features.length;
        if (scores.length != nS) {
            throw new IllegalArgumentException("scores has " + scores.length + " rows for " + nS + " samples");
        }
        boolean[] keep = new boolean[nF];
        int incomplete = 0;
        int zero = 0;
        for (int f = 0; f < nF; f++) {
            boolean complete = true;
            boolean nonZero = false;
            for (int s = 0; s < nS; s++) {
                double v = scores[s][f];
                if (Double.isNaN(v)) {
                    if (!dropIncomplete) {
                        throw new IllegalArgumentException("no score for sample '" + samples[s] + "' and feature '"
                                + features[f] + "'");
                    }
                    complete = false;
                } else if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("score of sample '" + samples[s] + "' and feature '"
                            + features[f] + "' is " + v);
                } else if ((float) v != 0f) {
                    nonZero = true;
                }
            }
            if (!complete) {
                incomplete++;
            } else if (!nonZero) {
                zero++;
            } else {
                keep[f] = true;
            }
        }
        int nKeep = nF - incomplete - zero;
        String[] kept = new String[nKeep];
        int[] idx = new int[nKeep];
        for (int f = 0, q = 0; f < nF; f++) {
            if (keep[f]) {
                kept[q] = features[f];
                idx[q++] = f;
            }
        }
        List<EnrichmentUnit> units = new ArrayList<>(nS);
        List<String> emptySamples = new ArrayList<>();
        for (int s = 0; s < nS; s++) {
            double[] row = new double[nKeep];
            boolean any = false;
            for (int q = 0; q < nKeep; q++) {
                row[q] = scores[s][idx[q]];
                any |= (float) row[q] != 0f;
            }
            if (any) {
                units.add(new EnrichmentUnit(call, samples[s], kept, row));
            } else {
                emptySamples.add(samples[s]);
            }
        }
        return new Result(units, incomplete, zero, emptySamples);
    }

    /**
     * @param units              one per kept sample, all over the same kept features
     * @param incompleteFeatures features dropped because a sample had no score
     * @param zeroFeatures       features dropped because they are 0 in every sample
     * @param emptySamples       samples dropped because they are 0 everywhere
     */
    public record Result(List<EnrichmentUnit> units, int incompleteFeatures, int zeroFeatures,
                         List<String> emptySamples) {}
}
