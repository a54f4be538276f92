package org.miracs.enrich.gsea;

/**
 * EXACT null: for permutation t, set s's null is the ES of the ranks {i : perm_t[i] in H_s}
 * (decoupler's {@code set_msk[ridx[t]]}), with the same ranked |r| and dec.
 *
 * <p>Per permutation, one pass over i = 0..N-1 appends i to every set containing the feature at
 * observed rank perm_t[i] (a counting sort), so every set's permuted hit ranks come out sorted in
 * O(N + sum k) without sorting. Each null is then evaluated in closed form from its sorted hits in
 * O(k) (with sum_set summed pairwise); when it is within 1e-9 of the observed ES or of a sign tie (|mx_pos| = |mx_neg|), it is
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
            // counting sort of every set's permuted hit ranks (memberships laid out m per rank,
            // unused slots point at the rank's own dummy; the switch target is loop-invariant)
            for (int i = 0; i < n; i++) {
                int r = perm[i];
                int so = r * m;
                switch (m) {
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
            for (int x = 0; x < nSets; x++) {
                int b = base[x];
                int k = ks[x];
                double sumX;
                {
                    // sum_set (pairwise order; the exact re-walk recomputes it sequentially)
                    double s0 = 0;
                    double s1 = 0;
                    int j = 0;
                    for (; j + 1 < k; j += 2) {
                        s0 += absR[pos[b + j]];
                        s1 += absR[pos[b + j + 1]];
                    }
                    if (j < k) {
                        s0 += absR[pos[b + j]];
                    }
                    sumX = s0 + s1;
                }
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
                    // sign decision and tie screens in the scaled space; one division
                    double mxS = Double.longBitsToDouble(mxBits);
                    double mnS = Double.longBitsToDouble(mnBits); // = -min(before), >= 0
                    double nulS = mxS > mnS ? mxS : -mnS;
                    double tol = TIE_TOL * sumX;
                    if (Math.abs(mxS - mnS) <= tol || Math.abs(nulS - esX[x] * sumX) <= tol) {
                        nul = EnrichmentWalk.exact(absR, n, pos, b, k, EnrichmentWalk.sumSet(absR, pos, b, k), decX[x]);
                    } else {
                        nul = nulS / sumX;
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
