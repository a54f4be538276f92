package org.miracs.enrich.gsea;

import org.miracs.stats.random.NumpyGenerator;
import org.miracs.stats.random.SeedSequence;

/**
 * FAST null (fgsea's shared-sample trick). A set's null depends on the set only through its
 * size k: it is the ES of a uniformly random k-subset of ranks. Each permutation draws one
 * random ordered sample of K = max k distinct ranks (a partial Fisher-Yates over a persistent
 * rank array, numpy-Lemire bounded draws from PCG64(SeedSequence(unitSeed))), keeps the first q
 * of them sorted by insertion, and evaluates the ES in closed form whenever q equals a set size
 * present. So one pass of O(K^2/4 + sum of distinct sizes) per permutation serves every set.
 * p-values are then counted per set against its size's null vector.
 */
final class FastNull {
    private FastNull() {
    }

    static NullStats run(RankedList rl, int[] ks, double[] es, long unitSeed, int times) {
        final int n = rl.n;
        final int nSets = ks.length;
        final double[] absR = rl.absR;
        // distinct sizes, ascending
        int[] sorted = ks.clone();
        java.util.Arrays.sort(sorted);
        int nSizes = 0;
        int[] sizes = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sizes[nSizes++] = sorted[i];
            }
        }
        NullStats st = new NullStats(nSets);
        st.permutations = times;
        if (nSets == 0) {
            return st;
        }
        sizes = java.util.Arrays.copyOf(sizes, nSizes);
        final int kMax = sizes[nSizes - 1];
        final double[] decs = new double[nSizes];
        for (int i = 0; i < nSizes; i++) {
            decs[i] = EnrichmentWalk.dec(n, sizes[i]);
        }
        final long[][] nulls = new long[nSizes][times]; // order-preserving keys of the null ES values
        final int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        final int[] sp = new int[kMax];
        final NumpyGenerator g = new NumpyGenerator(new SeedSequence(unitSeed));
        final int[] sizesF = sizes;
        for (int t = 0; t < times; t++) {
            int si = 0;
            int nextSize = sizesF[0];
            double sum = 0;
            for (int q = 0; q < kMax; q++) {
                int j = q + g.boundedLemire32(n - 1 - q);
                int p = a[j];
                a[j] = a[q];
                a[q] = p;
                int x = q;
                while (x > 0 && sp[x - 1] > p) {
                    sp[x] = sp[x - 1];
                    x--;
                }
                sp[x] = p;
                sum += absR[p];
                int cnt = q + 1;
                if (cnt == nextSize) {
                    nulls[si][t] = key(closedForm(absR, sp, cnt, sum, decs[si]));
                    si++;
                    nextSize = si < nSizes ? sizesF[si] : -1;
                }
            }
        }
        // per size: sign counts and sums; per set: tail counts
        int[] sizePos = new int[nSizes];
        double[] sizeSumPos = new double[nSizes];
        double[] sizeSumNeg = new double[nSizes];
        final long zeroKey = key(0.0);
        for (int si = 0; si < nSizes; si++) {
            long[] v = nulls[si];
            int np = 0;
            double sp2 = 0;
            double sn = 0;
            for (int t = 0; t < times; t++) {
                double x = unkey(v[t]);
                boolean p = v[t] >= zeroKey;
                np += p ? 1 : 0;
                sp2 += p ? x : 0.0;
                sn += p ? 0.0 : x;
            }
            sizePos[si] = np;
            sizeSumPos[si] = sp2;
            sizeSumNeg[si] = sn;
        }
        for (int s = 0; s < nSets; s++) {
            int si = java.util.Arrays.binarySearch(sizesF, ks[s]);
            st.nPos[s] = sizePos[si];
            st.sumPos[s] = sizeSumPos[si];
            st.sumNeg[s] = sizeSumNeg[si];
            // keys lie within +-2^62, so differences do not overflow; (a - b) >>> 63 is [a < b]
            long[] v = nulls[si];
            long ke = key(es[s]);
            int c = 0;
            if (es[s] >= 0) {
                for (int t = 0; t < times; t++) {
                    c += (int) ((ke - 1 - v[t]) >>> 63);      // v >= e
                }
            } else {
                for (int t = 0; t < times; t++) {
                    c += (int) ((v[t] - ke - 1) >>> 63);      // v <= e
                }
            }
            st.count[s] = c;
        }
        return st;
    }

    /** ES of sorted hit ranks sp[0..k) in closed form (not bit-exact; MC mode). */
    static double closedForm(double[] absR, int[] sp, int k, double sum, double dec) {
        if (sum == 0.0) {
            return 0.0;
        }
        double dS = dec * sum;
        double u = 0;
        long mxBits = 0;
        long mnBits = 0;
        for (int j = 0; j < k; j++) {
            int p = sp[j];
            double wq = absR[p];
            double negBefore = (p - j) * dS - u;
            u += wq;
            mnBits = Math.max(mnBits, Double.doubleToRawLongBits(negBefore));
            mxBits = Math.max(mxBits, Double.doubleToRawLongBits(wq - negBefore));
        }
        double mxp = Double.longBitsToDouble(mxBits) / sum;
        double mxn = -(Double.longBitsToDouble(mnBits) / sum);
        return mxp > -mxn ? mxp : mxn;
    }

    /** Order-preserving map of a double to a long (for |d| <= 1 the keys lie within +-2^62). */
    static long key(double d) {
        long b = Double.doubleToRawLongBits(d);
        return b ^ ((b >> 63) & 0x7FFFFFFFFFFFFFFFL);
    }

    static double unkey(long k) {
        return Double.longBitsToDouble(k ^ ((k >> 63) & 0x7FFFFFFFFFFFFFFFL));
    }
}
