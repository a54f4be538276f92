package org.miracs.enrich;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;
import org.miracs.enrich.gsea.PermutationMatrix;

/**
 * Per-JVM (executor) cache of decoupler permutation matrices for EXACT mode. A matrix is a pure
 * function of (seed, n, times), so sharing it between the units, tasks and partitions of an executor
 * changes no result; it only skips regenerating it (about a third of an EXACT unit's time). At most
 * {@link #MAX_ENTRIES} matrices of at most {@link #MAX_CELLS} cells (2 bytes each) are kept, behind
 * soft references; larger ones are not cached and the caller streams the permutations instead.
 */
final class PermutationCache {
    static final int MAX_ENTRIES = 4;
    static final long MAX_CELLS = 16L * 1024 * 1024;

    private record Key(long seed, int n, int times) {}

    private static final class Holder {
        private final Key key;
        private SoftReference<PermutationMatrix> ref;

        Holder(Key key) {
            this.key = key;
        }

        synchronized PermutationMatrix get() {
            PermutationMatrix pm = ref == null ? null : ref.get();
            if (pm == null) {
                pm = PermutationMatrix.numpy(key.seed(), key.n(), key.times());
                ref = new SoftReference<>(pm);
            }
            return pm;
        }
    }

    private static final Map<Key, Holder> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Holder> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private PermutationCache() {}

    /** The matrix for (seed, n, times), or null when it is too large to cache. */
    static PermutationMatrix get(long seed, int n, int times) {
        if ((long) n * times > MAX_CELLS || n < 1 || times < 2) {
            return null;
        }
        Holder h;
        synchronized (CACHE) {
            h = CACHE.computeIfAbsent(new Key(seed, n, times), Holder::new);
        }
        return h.get();
    }
}
