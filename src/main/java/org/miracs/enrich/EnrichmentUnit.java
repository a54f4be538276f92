package org.miracs.enrich;

import java.util.Arrays;

/**
 * One ranked list to enrich: sample {@code sample} of call {@code call} (in {@code run}: lineage and
 * factor), scores aligned with {@code features}. Every unit of a call carries the same feature list,
 * so sets are bound, and in EXACT mode permutations drawn, once per call.
 */
public record EnrichmentUnit(String call, String sample, String[] features, double[] scores) {
    public EnrichmentUnit {
        if (features.length != scores.length) {
            throw new IllegalArgumentException("features and scores differ in length");
        }
    }

    /**
     * The key the unit's random stream is derived from ({@code UnitSeeds.derive(seed, key...)} in FAST
     * mode): (call, sample), or (sample) for the single unnamed call of {@code bin/miracs enrich}.
     * It never involves partitions, tasks or order.
     */
    public String[] seedKey() {
        return call.isEmpty() ? new String[] {sample} : new String[] {call, sample};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnrichmentUnit u && call.equals(u.call) && sample.equals(u.sample)
                && Arrays.equals(features, u.features) && Arrays.equals(scores, u.scores);
    }

    @Override
    public int hashCode() {
        return 31 * call.hashCode() + sample.hashCode();
    }

    @Override
    public String toString() {
        return "EnrichmentUnit[" + call + ", " + sample + ", " + features.length + " features]";
    }
}
