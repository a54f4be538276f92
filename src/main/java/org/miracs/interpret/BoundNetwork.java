package org.miracs.interpret;

import java.util.Arrays;

/**
 * A network bound to the features of one vector: decoupler's {@code prune} (targets among the
 * features, sources with >= tmin of them) and {@code adjmat} over ALL features of the vector, so
 * every feature is an observation and non-targets weigh 0.
 */
final class BoundNetwork {

    final String[] sources;
    final int[] targetCounts;
    /** features x sources. */
    final double[][] adjacency;

    private BoundNetwork(String[] sources, int[] targetCounts, double[][] adjacency) {
        this.sources = sources;
        this.targetCounts = targetCounts;
        this.adjacency = adjacency;
    }

    static BoundNetwork bind(PriorNetwork network, FeatureVector vector, int tmin) {
        String[] features = vector.features();
        PriorNetwork pruned = network.prune(Arrays.asList(features), tmin);
        String[] sources = pruned.sources().toArray(new String[0]);
        int[] counts = new int[sources.length];
        for (int s = 0; s < sources.length; s++) {
            counts[s] = pruned.targets(s).size();
        }
        return new BoundNetwork(sources, counts, pruned.adjacency(features));
    }
}
