package org.miracs.enrich.gsea;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Immutable collection of named feature sets (e.g. MoA -> drugs), the decoupler {@code net}
 * with {@code source=set, target=member}. A duplicated (set, member) pair is an error, as in
 * decoupler. Sets are kept in Python string order (Unicode code points), the order decoupler
 * returns them in.
 */
public final class SetCollection {

    /** Python's string order: by Unicode code point. */
    public static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private final String[] names;
    private final String[][] members;

    private SetCollection(TreeMap<String, List<String>> sets) {
        this.names = sets.keySet().toArray(new String[0]);
        this.members = new String[names.length][];
        int s = 0;
        for (List<String> m : sets.values()) {
            members[s++] = m.toArray(new String[0]);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** From set name -> members; a member listed twice in one set is an error. */
    public static SetCollection of(Map<String, ? extends Collection<String>> sets) {
        Builder b = builder();
        sets.forEach((name, ms) -> ms.forEach(m -> b.add(name, m)));
        return b.build();
    }

    /** Collects (set, member) pairs. Not thread-safe. */
    public static final class Builder {
        private final TreeMap<String, LinkedHashSet<String>> sets = new TreeMap<>(CODE_POINT_ORDER);

        public Builder add(String set, String member) {
            if (!sets.computeIfAbsent(set, k -> new LinkedHashSet<>()).add(member)) {
                throw new IllegalArgumentException("duplicate (set, member) pair: (" + set + ", " + member + ")");
            }
            return this;
        }

        public SetCollection build() {
            TreeMap<String, List<String>> copy = new TreeMap<>(CODE_POINT_ORDER);
            sets.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
            return new SetCollection(copy);
        }
    }

    public int setCount() {
        return names.length;
    }

    public List<String> names() {
        return List.of(names);
    }

    public List<String> members(String set) {
        for (int s = 0; s < names.length; s++) {
            if (names[s].equals(set)) {
                return List.of(members[s]);
            }
        }
        throw new IllegalArgumentException("unknown set " + set);
    }

    /**
     * decoupler's {@code prune}: keep members present in {@code featureIds}, keep sets with
     * {@code >= tmin} of them; returns the kept sets as feature-index arrays.
     */
    public BoundSets bind(String[] featureIds, int tmin) {
        Map<String, Integer> index = new HashMap<>(featureIds.length * 2);
        for (int i = 0; i < featureIds.length; i++) {
            if (index.put(featureIds[i], i) != null) {
                throw new IllegalArgumentException("duplicate feature id " + featureIds[i]);
            }
        }
        List<String> keptNames = new ArrayList<>();
        List<int[]> keptMembers = new ArrayList<>();
        for (int s = 0; s < names.length; s++) {
            int[] idx = new int[members[s].length];
            int k = 0;
            for (String m : members[s]) {
                Integer f = index.get(m);
                if (f != null) {
                    idx[k++] = f;
                }
            }
            if (k >= tmin && k > 0) {
                keptNames.add(names[s]);
                keptMembers.add(java.util.Arrays.copyOf(idx, k));
            }
        }
        return new BoundSets(featureIds, keptNames.toArray(new String[0]), keptMembers.toArray(new int[0][]));
    }
}
