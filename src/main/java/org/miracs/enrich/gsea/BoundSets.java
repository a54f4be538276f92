package org.miracs.enrich.gsea;

import java.util.List;

/**
 * A {@link SetCollection} pruned against one feature list ({@link SetCollection#bind}): the kept
 * sets (sorted by name) as arrays of feature indices. Reusable for every unit that ranks the
 * same features (e.g. all factors of a lineage). Immutable.
 */
public final class BoundSets {
    private final String[] featureIds;
    private final String[] names;
    private final int[][] members;

    BoundSets(String[] featureIds, String[] names, int[][] members) {
        this.featureIds = featureIds.clone();
        this.names = names;
        this.members = members;
    }

    public int featureCount() {
        return featureIds.length;
    }

    public String featureId(int i) {
        return featureIds[i];
    }

    public int setCount() {
        return names.length;
    }

    public String name(int s) {
        return names[s];
    }

    public List<String> names() {
        return List.of(names);
    }

    /** Size k of kept set s. */
    public int size(int s) {
        return members[s].length;
    }

    /** Feature indices of set s (a copy). */
    public int[] members(int s) {
        return members[s].clone();
    }

    int[] membersUnsafe(int s) {
        return members[s];
    }
}
