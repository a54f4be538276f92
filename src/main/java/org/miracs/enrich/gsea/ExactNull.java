package org.miracs.enrich.gsea;

/**
 * EXACT null: for permutation t, set s's null is the ES of the ranks {i : perm_t[i] in H_s}
 * (decoupler's {@code set_msk[ridx[t]]}), with the same ranked |r| and dec.
 *
 * <p>Per permutation, one pass over i = 0..N-1 appends i to every set containing the feature at
 * observed rank perm_t[i] (a counting sort), so every set's permuted hit ranks come out sorted in
 * O(N + sum k) without sorting; the same pass accumulates each set's {@code sum_set} in rank order
 * (bit-identical to decoupler's). Each null is then evaluated in closed form from its sorted hits in
 * O(k); when it is within 1e-9 of the observed ES or of a sign tie (|mx_pos| = |mx_neg|), it is
 * re-evaluated with decoupler's exact sequential arithmetic ({@link EnrichmentWalk#exact}), so
 * counts and signs equal decoupler's bit-for-bit. No allocation inside the permutation loop.
 *
 * <p>Speed details: memberships are laid out M per rank (M chosen from the data, unused slots
 * point at a per-rank dummy, rare ranks with more than M memberships take a side loop), so the
 * pass has no data-dependent branches; running extremes are tracked on the raw bits of
 * non-negative doubles (branch-free); sets are visited grouped by size so loop exits predict well.
 */
final class ExactNull {
    static final double TIE_TOL = 1e-9;

    private ExactNull() {
    }

    static NullStats run(RankedList rl, int[][] hits, double[] dec, double[] es, PermutationSource src, int times) {
        final int n = rl.n;
        final int nSets = hits.length;
        final double[] absR = rl.absR;
        NullStats st = new NullStats(nSets);
        st.permutations = times;
        if (nSets == 0 || times == 0) {
            return st;
        }
        // visit sets grouped by size (loop trip counts repeat -> predictable)
        final int[] order = new int[nSets];
        {
            long[] kk = new long[nSets];
            for (int s = 0; s < nSets; s++) {
                kk[s] = ((long) hits[s].length << 32) | s;
            }
            java.util.Arrays.sort(kk);
            for (int x = 0; x < nSets; x++) {
                order[x] = (int) kk[x];
            }
        }
        // slot layout: internal set index x (in 'order'), base offsets
        final int[] ks = new int[nSets];
        final int[] base = new int[nSets + n];
        int total = 0;
        int[] xOf = new int[nSets];
        for (int x = 0; x < nSets; x++) {
            int s = order[x];
            xOf[s] = x;
            ks[x] = hits[s].length;
            base[x] = total;
            total += ks[x];
        }
        int[] memCount = new int[n];
        for (int[] h : hits) {
            for (int r : h) {
                memCount[r]++;
            }
        }
        final int m = chooseSlotsPerRank(memCount);
        // per-rank dummy sets nSets + r, each with m trash slots
        for (int r = 0; r < n; r++) {
            base[nSets + r] = total + r * m;
        }
        final int[] pos = new int[total + n * m];
        final double[] sum = new double[nSets + n];
        final int[] slotSet = new int[n * m];
        int[] ovCount = new int[n + 1];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < m; c++) {
                slotSet[r * m + c] = nSets + r;
            }
            ovCount[r] = Math.max(0, memCount[r] - m);
        }
        final int[] ovStart = new int[n + 1];
        for (int r = 0; r < n; r++) {
            ovStart[r + 1] = ovStart[r] + ovCount[r];
        }
        final int[] ovSet = new int[ovStart[n]];
        {
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
        }
        final boolean hasOverflow = ovStart[n] > 0;
        final double[] decX = new double[nSets];
        final double[] esX = new double[nSets];
        final boolean[] negX = new boolean[nSets];
        final double[] sgnEsX = new double[nSets];
        for (int x = 0; x < nSets; x++) {
            int s = order[x];
            decX[x] = dec[s];
            esX[x] = es[s];
            negX[x] = es[s] < 0;
            sgnEsX[x] = Math.abs(es[s]);
        }
        final int[] fill = new int[nSets + n];
        final int[] perm = new int[n];
        final int[] nPos = new int[nSets];
        final double[] sumPos = new double[nSets];
        final double[] sumNeg = new double[nSets];
        final int[] count = new int[nSets];

        for (int t = 0; t < times; t++) {
            src.next(perm);
            System.arraycopy(base, 0, fill, 0, nSets + n);
            java.util.Arrays.fill(sum, 0, nSets, 0.0);
            // counting sort of every set's permuted hit ranks + sequential sum_set
            for (int i = 0; i < n; i++) {
                int r = perm[i];
                double wi = absR[i];
                int so = r * m;
                for (int c = 0; c < m; c++) {
                    int x = slotSet[so + c];
                    int q = fill[x];
                    pos[q] = i;
                    fill[x] = q + 1;
                    sum[x] += wi;
                }
                if (hasOverflow) {
                    int oe = ovStart[r + 1];
                    for (int o = ovStart[r]; o < oe; o++) {
                        int x = ovSet[o];
                        int q = fill[x];
                        pos[q] = i;
                        fill[x] = q + 1;
                        sum[x] += wi;
                    }
                }
            }
            for (int x = 0; x < nSets; x++) {
                int b = base[x];
                int k = ks[x];
                double sumX = sum[x];
                double nul;
                if (sumX == 0.0) {
                    nul = 0.0;
                } else {
                    double dS = decX[x] * sumX;
                    // running-sum values scaled by sum_set: before_j = U_j - c_j dS, after_j = before_j + w_j.
                    // max(after) and max(-before) over values >= 0 (both start at 0) are taken on the raw
                    // IEEE bits, which order non-negative doubles; negative values map to negative longs
                    // and never win. Branch-free (cmov).
                    double u = 0;
                    long mxBits = 0;
                    long mnBits = 0;
                    for (int j = 0; j < k; j++) {
                        int p = pos[b + j];
                        double wq = absR[p];
                        double negBefore = (p - j) * dS - u;
                        u += wq;
                        mnBits = Math.max(mnBits, Double.doubleToRawLongBits(negBefore));
                        mxBits = Math.max(mxBits, Double.doubleToRawLongBits(wq - negBefore));
                    }
                    double mxp = Double.longBitsToDouble(mxBits) / sumX;
                    double mxn = -(Double.longBitsToDouble(mnBits) / sumX);
                    nul = mxp > -mxn ? mxp : mxn;
                    if (Math.abs(mxp + mxn) <= TIE_TOL || Math.abs(nul - esX[x]) <= TIE_TOL) {
                        nul = EnrichmentWalk.exact(absR, n, pos, b, k, sumX, decX[x]);
                    }
                }
                boolean isPos = nul >= 0.0;
                nPos[x] += isPos ? 1 : 0;
                sumPos[x] += isPos ? nul : 0.0;
                sumNeg[x] += isPos ? 0.0 : nul;
                double sn = negX[x] ? -nul : nul;
                count[x] += sn >= sgnEsX[x] ? 1 : 0;
            }
        }
        for (int s = 0; s < nSets; s++) {
            int x = xOf[s];
            st.nPos[s] = nPos[x];
            st.sumPos[s] = sumPos[x];
            st.sumNeg[s] = sumNeg[x];
            st.count[s] = count[x];
        }
        return st;
    }

    /** Slots per rank M minimizing N*M + 12 * (ranks with more than M memberships). */
    static int chooseSlotsPerRank(int[] memCount) {
        int n = memCount.length;
        int maxM = 0;
        for (int c : memCount) {
            maxM = Math.max(maxM, c);
        }
        int best = Math.max(1, maxM);
        double bestCost = Double.MAX_VALUE;
        for (int m = 1; m <= Math.max(1, maxM); m++) {
            long over = 0;
            long overSlots = 0;
            for (int c : memCount) {
                if (c > m) {
                    over++;
                    overSlots += c - m;
                }
            }
            double cost = (double) n * m + 12.0 * over + 2.0 * overSlots;
            if (cost < bestCost) {
                bestCost = cost;
                best = m;
            }
        }
        return best;
    }
}
