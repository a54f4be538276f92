package org.miracs.enrich.gsea;

/**
 * Port of numba's {@code np.argsort(a)} (kind='quicksort'; numba/misc/quicksort.py with
 * numba's float less-than that puts NaN last): median-of-three partitioning, insertion sort
 * for partitions spanning fewer than 16 elements, explicit stack, larger half pushed. Unstable;
 * reproduced exactly so that decoupler's order within tied scores is reproduced.
 */
final class NumbaQuicksort {
    private static final int SMALL_QUICKSORT = 15;
    private static final int MAX_STACK = 100;

    private NumbaQuicksort() {
    }

    private static boolean lt(double a, double b) {
        return a < b || (Double.isNaN(b) && !Double.isNaN(a));
    }

    static int[] argsort(double[] a) {
        int n = a.length;
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        if (n < 2) {
            return r;
        }
        int[] stackLow = new int[MAX_STACK];
        int[] stackHigh = new int[MAX_STACK];
        stackLow[0] = 0;
        stackHigh[0] = n - 1;
        int sp = 1;
        while (sp > 0) {
            sp--;
            int low = stackLow[sp];
            int high = stackHigh[sp];
            while (high - low >= SMALL_QUICKSORT) {
                if (sp >= MAX_STACK) {
                    throw new IllegalStateException("quicksort stack overflow");
                }
                int i = partition(a, r, low, high);
                if (high - i > i - low) {
                    if (high > i) {
                        stackLow[sp] = i + 1;
                        stackHigh[sp] = high;
                        sp++;
                    }
                    high = i - 1;
                } else {
                    if (i > low) {
                        stackLow[sp] = low;
                        stackHigh[sp] = i - 1;
                        sp++;
                    }
                    low = i + 1;
                }
            }
            insertionSort(a, r, low, high);
        }
        return r;
    }

    private static void insertionSort(double[] a, int[] r, int low, int high) {
        if (high <= low) {
            return;
        }
        for (int i = low + 1; i <= high; i++) {
            int k = r[i];
            double v = a[k];
            int j = i;
            while (j > low && lt(v, a[r[j - 1]])) {
                r[j] = r[j - 1];
                j--;
            }
            r[j] = k;
        }
    }

    private static int partition(double[] a, int[] r, int low, int high) {
        int mid = (low + high) >> 1;
        if (lt(a[r[mid]], a[r[low]])) {
            swap(r, low, mid);
        }
        if (lt(a[r[high]], a[r[mid]])) {
            swap(r, high, mid);
        }
        if (lt(a[r[mid]], a[r[low]])) {
            swap(r, low, mid);
        }
        double pivot = a[r[mid]];
        swap(r, high, mid);
        int i = low;
        int j = high - 1;
        while (true) {
            while (i < high && lt(a[r[i]], pivot)) {
                i++;
            }
            while (j >= low && lt(pivot, a[r[j]])) {
                j--;
            }
            if (i >= j) {
                break;
            }
            swap(r, i, j);
            i++;
            j--;
        }
        swap(r, i, high);
        return i;
    }

    private static void swap(int[] r, int i, int j) {
        int t = r[i];
        r[i] = r[j];
        r[j] = t;
    }
}
