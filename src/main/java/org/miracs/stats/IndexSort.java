package org.miracs.stats;

/** Allocation-light, stable index sorts on primitive keys. */
public final class IndexSort {
    private IndexSort() {
    }

    /**
     * Indices {@code 0..n-1} ordered by ascending {@code key}, stable (equal keys keep index order).
     * NaN keys sort last (as {@link Double#compare} orders them).
     */
    public static int[] ascending(double[] key) {
        int n = key.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        sortAscending(key, idx, 0, n, new int[n]);
        return idx;
    }

    /** Stable merge sort of {@code idx[from, to)} by {@code key[idx[.]]}; {@code tmp} at least as long as idx. */
    public static void sortAscending(double[] key, int[] idx, int from, int to, int[] tmp) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        if (n <= 24) {
            for (int i = from + 1; i < to; i++) {
                int v = idx[i];
                double kv = key[v];
                int j = i - 1;
                while (j >= from && Double.compare(key[idx[j]], kv) > 0) {
                    idx[j + 1] = idx[j];
                    j--;
                }
                idx[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sortAscending(key, idx, from, mid, tmp);
        sortAscending(key, idx, mid, to, tmp);
        if (Double.compare(key[idx[mid - 1]], key[idx[mid]]) <= 0) {
            return;
        }
        System.arraycopy(idx, from, tmp, from, n);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            if (Double.compare(key[tmp[j]], key[tmp[i]]) < 0) {
                idx[k++] = tmp[j++];
            } else {
                idx[k++] = tmp[i++];
            }
        }
        while (i < mid) {
            idx[k++] = tmp[i++];
        }
        while (j < to) {
            idx[k++] = tmp[j++];
        }
    }
}
