package org.miracs.enrich.gsea;

import java.util.Arrays;

/**
 * EXACT null: for permutation t, set s's null is the ES of the ranks {i : perm_t[i] in H_s}
 * (decoupler's {@code set_msk[ridx[t]]}), with the same ranked |r| and dec.
 *
 * <p>Per permutation, one pass over i = 0..N-1 appends i to every set containing the feature at
 * observed rank perm_t[i] (a counting sort), so every set's permuted hit ranks come out sorted in
 * O(N + sum k) without sorting. Each null is then evaluated in closed form from its sorted hits in
 * O(k); when it is within 1e-9 of the observed ES or of a sign tie
 * (|mx_pos| = |mx_neg|), it is re-evaluated with decoupler's exact sequential arithmetic
 * ({@link EnrichmentWalk#exact}), so counts and signs equal decoupler's bit-for-bit, and the
 * same-sign means differ from decoupler's only by summation rounding (~1e-15). No allocation
 * inside the permutation loop.
 *
 * <p>Speed details: memberships are laid out m per rank (m chosen from the data, unused slots
 * point at a per-rank dummy writing to shared trash slots, rare ranks with more than m memberships take a side loop), so the
 * pass has no data-dependent branches; running extremes are tracked on the raw bits of
 * non-negative doubles and the sign/tail classification uses sign bits (branch-free); sets are
 * visited grouped by size so loop exits predict well.
 */
final class ExactNull {
    static final double TIE_TOL = 1e-9;

    private final int n;
    private final int nSets;
    private final double[] absR;
    private final int m;
    private final int[] ks;
    private final int[] base;
    private final int[] slotSet;
    private final int[] ovStart;
    private final int[] ovSet;
    private final boolean hasOverflow;
    private final double[] decX;
    private final double[] esX;
    private final double[] sgnX;
    private final double[] sgnEsX;
    private final int[] fill;
    private final int[] pos;
    final int[] nPos;
    final double[] sumPos;
    final double[] sumNeg;
    final int[] count;

    private ExactNull(RankedList rl, int[][] hits, int[] order, double[] dec, double[] es) {
        n = rl.n;
        nSets = hits.length;
        absR = rl.absR;
        ks = new int[nSets];
        base = new int[nSets + n];
        int total = 0;
        for (int x = 0; x < nSets; x++) {
            ks[x] = hits[order[x]].length;
            base[x] = total;
            total += ks[x];
        }
        int[] memCount = new int[n];
        for (int[] h : hits) {
            for (int r : h) {
                memCount[r]++;
            }
        }
        m = chooseSlotsPerRank(memCount);
        for (int r = 0; r < n; r++) {
            // the rank's dummy set: its own fill counter (no dependency chain between ranks), all
            // dummies writing into the same m trash slots (keeps pos small and cache-resident)
            base[nSets + r] = total;
        }
        pos = new int[total + m];
        slotSet = new int[n * m];
        ovStart = new int[n + 1];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < m; c++) {
                slotSet[r * m + c] = nSets + r;
            }
            ovStart[r + 1] = ovStart[r] + Math.max(0, memCount[r] - m);
        }
        ovSet = new int[ovStart[n]];
        hasOverflow = ovStart[n] > 0;
        int[] used = new int[n];
        for (int x = 0; x < nSets; x++) {
            for (int r : hits[order[x]]) {
                int u = used[r]++;
                if (u < m) {
                    slotSet[r * m + u] = x;
                } else {
                    ovSet[ovStart[r] + u - m] = x;
                }
            }
        }
        decX = new double[nSets];
        esX = new double[nSets];
        sgnX = new double[nSets];
        sgnEsX = new double[nSets];
        for (int x = 0; x < nSets; x++) {
            int s = order[x];
            decX[x] = dec[s];
            esX[x] = es[s];
            sgnX[x] = es[s] < 0 ? -1.0 : 1.0;
            sgnEsX[x] = Math.abs(es[s]);
        }
        fill = new int[nSets + n];
        nPos = new int[nSets];
        sumPos = new double[nSets];
        sumNeg = new double[nSets];
        count = new int[nSets];
    }

    static NullStats run(RankedList rl, int[][] hits, double[] dec, double[] es, PermutationSource src, int times) {
        final int nSets = hits.length;
        NullStats st = new NullStats(nSets);
        st.permutations = times;
        if (nSets == 0 || times == 0) {
            return st;
        }
        // internal order: sets grouped by size (loop trip counts repeat -> predictable)
        long[] kk = new long[nSets];
        for (int s = 0; s < nSets; s++) {
            kk[s] = ((long) hits[s].length << 32) | s;
        }
        Arrays.sort(kk);
        int[] order = new int[nSets];
        for (int x = 0; x < nSets; x++) {
            order[x] = (int) kk[x];
        }
        ExactNull e = new ExactNull(rl, hits, order, dec, es);
        int[] perm = new int[rl.n];
        for (int t = 0; t < times; t++) {
            src.next(perm);
            e.gather(perm);
            e.evaluate();
        }
        for (int x = 0; x < nSets; x++) {
            int s = order[x];
            st.nPos[s] = e.nPos[x];
            st.sumPos[s] = e.sumPos[x];
            st.sumNeg[s] = e.sumNeg[x];
            st.count[s] = e.count[x];
        }
        return st;
    }

    /** Counting sort of every set's permuted hit ranks into {@code pos[base[x]..base[x]+k)}. */
    private void gather(int[] perm) {
        final int[] fill = this.fill;
        final int[] pos = this.pos;
        final int[] slotSet = this.slotSet;
        final int m = this.m;
        System.arraycopy(base, 0, fill, 0, nSets + n);
        for (int i = 0; i < n; i++) {
            int r = perm[i];
            int so = r * m;
            switch (m) { // loop-invariant target; unrolled slot updates, no data-dependent branch
                case 6: {
                    int x = slotSet[so + 5];
                    int q = fill[x];
                    pos[q] = i;
                    fill[x] = q + 1;
                }
                // fall through
                case 5: {
                    int x = slotSet[so + 4];
                    int q = fill[x];
                    pos[q] = i;
                    fill[x] = q + 1;
                }
                // fall through
                case 4: {
                    int x = slotSet[so + 3];
                    int q = fill[x];
                    pos[q] = i;
                    fill[x] = q + 1;
                }
                // fall through
                case 3: {
                    int x = slotSet[so + 2];
                    int q = fill[x];
                    pos[q] = i;
                    fill[x] = q + 1;
                }
                // fall through
                case 2: {
                    int x = slotSet[so + 1];
                    int q = fill[x];
                    pos[q] = i;
                    fill[x] = q + 1;
                }
                // fall through
                case 1: {
                    int x = slotSet[so];
                    int q = fill[x];
                    pos[q] = i;
                    fill[x] = q + 1;
                    break;
                }
                default:
                    throw new IllegalStateException("m=" + m);
            }
            if (hasOverflow) {
                int oe = ovStart[r + 1];
                for (int o = ovStart[r]; o < oe; o++) {
                    int x = ovSet[o];
                    int q = fill[x];
                    pos[q] = i;
                    fill[x] = q + 1;
                }
            }
        }
    }

    /**
     * Null ES of every set for the gathered permutation; accumulates the per-set summaries.
     * Consecutive sets of equal size (sets are grouped by size) are evaluated two at a time so the
     * two running-sum dependency chains overlap.
     */
    private void evaluate() {
        final int[] pos = this.pos;
        final double[] absR = this.absR;
        int x = 0;
        while (x < nSets) {
            final int k = ks[x];
            if (x + 1 < nSets && ks[x + 1] == k) {
                final int b0 = base[x];
                final int b1 = base[x + 1];
                double s0 = 0;
                double s1 = 0;
                for (int j = 0; j < k; j++) {
                    s0 += absR[pos[b0 + j]];
                    s1 += absR[pos[b1 + j]];
                }
                final double dS0 = decX[x] * s0;
                final double dS1 = decX[x + 1] * s1;
                double u0 = 0;
                double u1 = 0;
                long mx0 = 0;
                long mn0 = 0;
                long mx1 = 0;
                long mn1 = 0;
                for (int j = 0; j < k; j++) {
                    int p0 = pos[b0 + j];
                    int p1 = pos[b1 + j];
                    double w0 = absR[p0];
                    double w1 = absR[p1];
                    double nb0 = (p0 - j) * dS0 - u0;
                    double nb1 = (p1 - j) * dS1 - u1;
                    u0 += w0;
                    u1 += w1;
                    mn0 = Math.max(mn0, Double.doubleToRawLongBits(nb0));
                    mx0 = Math.max(mx0, Double.doubleToRawLongBits(w0 - nb0));
                    mn1 = Math.max(mn1, Double.doubleToRawLongBits(nb1));
                    mx1 = Math.max(mx1, Double.doubleToRawLongBits(w1 - nb1));
                }
                accumulate(x, k, s0, mx0, mn0);
                accumulate(x + 1, k, s1, mx1, mn1);
                x += 2;
            } else {
                final int b = base[x];
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += absR[pos[b + j]];
                }
                final double dS = decX[x] * sum;
                double u = 0;
                long mx = 0;
                long mn = 0;
                for (int j = 0; j < k; j++) {
                    int p = pos[b + j];
                    double w = absR[p];
                    double nb = (p - j) * dS - u;
                    u += w;
                    mn = Math.max(mn, Double.doubleToRawLongBits(nb));
                    mx = Math.max(mx, Double.doubleToRawLongBits(w - nb));
                }
                accumulate(x, k, sum, mx, mn);
                x++;
            }
        }
    }

    /**
     * Finishes set x's null from the scaled extremes and adds it to the summaries.
     *
     * <p>Running-sum values scaled by sum_set: before_j = U_j - c_j dS and after_j = before_j + w_j,
     * with c_j = p_j - j misses so far and dS = dec * sum_set. {@code mxBits} = bits of max(0, after)
     * and {@code mnBits} = bits of max(0, -before): maxima of non-negative doubles taken on their raw
     * IEEE bits (negative values map to negative longs and never win), branch-free.
     */
    private void accumulate(int x, int k, double sumX, long mxBits, long mnBits) {
        double nul;
        if (sumX == 0.0) {
            nul = 0.0;
        } else {
            double mxS = Double.longBitsToDouble(mxBits);
            double mnS = Double.longBitsToDouble(mnBits);
            double nulS = mxS > mnS ? mxS : -mnS; // decoupler: mx_pos > -mx_neg ? mx_pos : mx_neg
            double tol = TIE_TOL * sumX;
            if (Math.abs(mxS - mnS) <= tol || Math.abs(nulS - esX[x] * sumX) <= tol) {
                int b = base[x];
                nul = EnrichmentWalk.exact(absR, n, pos, b, k, EnrichmentWalk.sumSet(absR, pos, b, k), decX[x]);
            } else {
                nul = nulS / sumX;
            }
        }
        // branch-free classification from sign bits; nul + 0.0 turns -0.0 into +0.0
        // (decoupler counts 0 as positive)
        nul += 0.0;
        int isPos = 1 - (int) (Double.doubleToRawLongBits(nul) >>> 63);
        double posD = isPos;
        nPos[x] += isPos;
        sumPos[x] += nul * posD;
        sumNeg[x] += nul * (1.0 - posD);
        // ES >= 0: count nul >= es ; ES < 0: count -nul >= -es ; a - b is exactly +0 iff a == b
        double d = nul * sgnX[x] - sgnEsX[x];
        count[x] += 1 - (int) (Double.doubleToRawLongBits(d + 0.0) >>> 63);
    }

    /** Slots per rank m (1..6) minimizing N*m + 5 * (ranks with more than m memberships) + 1.5 * (overflow slots). */
    static int chooseSlotsPerRank(int[] memCount) {
        int n = memCount.length;
        int best = 1;
        double bestCost = Double.MAX_VALUE;
        for (int m = 1; m <= 6; m++) {
            long over = 0;
            long overSlots = 0;
            for (int c : memCount) {
                if (c > m) {
                    over++;
                    overSlots += c - m;
                }
            }
            double cost = (double) n * m + 5.0 * over + 1.5 * overSlots;
            if (cost < bestCost) {
                bestCost = cost;
                best = m;
            }
        }
        return best;
    }
}
