package org.miracs.integrate.mofa;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Samples of all groups stacked in group order: group g owns the contiguous sample range
 * {@code [start(g), end(g))} of the N samples.
 */
public final class SampleLayout implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] start;
    private final int[] groupOf;

    public SampleLayout(int[] groupSizes) {
        start = new int[groupSizes.length + 1];
        for (int g = 0; g < groupSizes.length; g++) {
            if (groupSizes[g] < 0) throw new IllegalArgumentException("negative group size");
            start[g + 1] = start[g] + groupSizes[g];
        }
        groupOf = new int[start[groupSizes.length]];
        for (int g = 0; g < groupSizes.length; g++) Arrays.fill(groupOf, start[g], start[g + 1], g);
    }

    public int numGroups() { return start.length - 1; }

    public int numSamples() { return groupOf.length; }

    public int start(int g) { return start[g]; }

    public int end(int g) { return start[g + 1]; }

    public int size(int g) { return start[g + 1] - start[g]; }

    public int groupOf(int n) { return groupOf[n]; }
}
