package org.miracs.stats;

/** Allocation-light, stable index sorts on primitive keys. */
public final class IndexSort {
    private IndexSort() {
    }

    /**
     * Indices {@code 0..n-1} ordered by ascending {@code key}, stable (equal keys keep index order).
     * Keys compare as numpy does: -0.0 equals 0.0, NaN sorts last.
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

    /** numpy's order: {@code <} with NaN last; unlike {@link Double#compare}, -0.0 == 0.0. */
    static int cmp(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        boolean na = Double.isNaN(a);
        boolean nb = Double.isNaN(b);
        return na == nb ? 0 : (na ? 1 : -1);
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
                while (j >= from && cmp(key[idx[j]], kv) > 0) {
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
        if (cmp(key[idx[mid - 1]], key[idx[mid]]) <= 0) {
            return;
        }
        System.arraycopy(idx, from, tmp, from, n);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            if (cmp(key[tmp[j]], key[tmp[i]]) < 0) {
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
