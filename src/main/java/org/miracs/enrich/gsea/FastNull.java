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
        final double[] decs = new double[nSizes];
        for (int i = 0; i < nSizes; i++) {
            decs[i] = EnrichmentWalk.dec(n, sizes[i]);
        }
        final long[][] nulls = new long[nSizes][times]; // order-preserving keys of the null ES values
        Sampler sampler = new Sampler(absR, sizes, decs, new NumpyGenerator(new SeedSequence(unitSeed)));
        for (int t = 0; t < times; t++) {
            sampler.permutation(nulls, t);
        }
        final int[] sizesF = sizes;
        // per size: sign counts and sums; per set: tail counts
        int[] sizePos = new int[nSizes];
        double[] sizeSumPos = new double[nSizes];
        double[] sizeSumNeg = new double[nSizes];
        for (int si = 0; si < nSizes; si++) {
            long[] v = nulls[si];
            int np = 0;
            double sp2 = 0;
            double sn = 0;
            for (int t = 0; t < times; t++) {
                double x = unkey(v[t]) + 0.0;
                int p = 1 - (int) (Double.doubleToRawLongBits(x) >>> 63); // branch-free x >= 0
                double pd = p;
                np += p;
                sp2 += x * pd;
                sn += x * (1.0 - pd);
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

    /** Per-permutation work, in its own method so the JIT compiles it as a unit. */
    private static final class Sampler {
        private final double[] absR;
        private final int[] sizes;
        private final double[] decs;
        private final NumpyGenerator g;
        private final int n;
        private final int kMax;
        private final int[] a;
        private final int[] sp;

        Sampler(double[] absR, int[] sizes, double[] decs, NumpyGenerator g) {
            this.absR = absR;
            this.sizes = sizes;
            this.decs = decs;
            this.g = g;
            this.n = absR.length;
            this.kMax = sizes[sizes.length - 1];
            this.a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = i;
            }
            this.sp = new int[kMax + 1];
            this.sp[0] = -1; // sentinel: the sorted sample lives in sp[1..q]
        }

        /** One ordered sample of kMax distinct ranks; the null ES of every size's prefix into nulls[.][t]. */
        void permutation(long[][] nulls, int t) {
            final int[] a = this.a;
            final int[] sp = this.sp;
            final int nSizes = sizes.length;
            int si = 0;
            int nextSize = sizes[0];
            double sum = 0;
            for (int q = 0; q < kMax; q++) {
                int j = q + g.boundedLemire32(n - 1 - q);
                int p = a[j];
                a[j] = a[q];
                a[q] = p;
                int x = q;
                while (sp[x] > p) {
                    sp[x + 1] = sp[x];
                    x--;
                }
                sp[x + 1] = p;
                sum += absR[p];
                int cnt = q + 1;
                if (cnt == nextSize) {
                    nulls[si][t] = key(closedForm(absR, sp, 1, cnt, sum, decs[si]));
                    si++;
                    nextSize = si < nSizes ? sizes[si] : -1;
                }
            }
        }
    }

    /** ES of sorted hit ranks sp[off..off+k) in closed form (not bit-exact; MC mode). */
    static double closedForm(double[] absR, int[] sp, int off, int k, double sum, double dec) {
        if (sum == 0.0) {
            return 0.0;
        }
        double dS = dec * sum;
        double u = 0;
        long mxBits = 0;
        long mnBits = 0;
        for (int j = 0; j < k; j++) {
            int p = sp[off + j];
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
