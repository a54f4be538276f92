package org.miracs.enrich.gsea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.miracs.stats.BenjaminiHochberg;

/**
 * GSEA of one ranked list (one unit, e.g. one (lineage, factor) score vector over drugs)
 * against a set collection, following decoupler 2.0.4's {@code dc.mt.gsea}: tmin pruning,
 * running-sum ES with |r| weights, float32 scores, decoupler's tie order, a permutation null
 * shared by all sets, NES = ES / |mean of same-sign nulls|, empirical p without +1 (optional +1),
 * BH across the unit's sets, and the leading edge of {@code dc.pl.leading_edge}. Sets whose ES
 * has no same-sign null get NES 0 and p 1 (decoupler 2.1.1's fix; 2.0.4 crashed).
 *
 * <p>Immutable and thread-safe; every call allocates its own working memory, and its random
 * stream depends only on the seed passed in.
 *
 * <p>Differences from a decoupler call on a whole matrix: {@link #run} ranks exactly the features
 * it is given. decoupler first drops features that are 0 in every observation of the call and
 * observations that are all 0; {@link #runObservations} does that, or the caller can.
 */
public final class Gsea {
    private final GseaOptions options;

    public Gsea(GseaOptions options) {
        this.options = options;
    }

    public GseaOptions options() {
        return options;
    }

    /**
     * @param scores     one score per feature (finite), e.g. Spearman rho per drug
     * @param featureIds feature names, unique, aligned with scores
     * @param sets       set collection (pruned here with {@code options.tmin()})
     * @param unitSeed   EXACT: the numpy seed of decoupler's permutations (42 to reproduce
     *                   MIRACS, for every unit of a call; 0 gives identity permutations, as in
     *                   decoupler). FAST: the unit's stream seed, e.g. {@link GseaOptions#unitSeed}.
     * @return one row per kept set, sorted by set name
     */
    public List<GseaResult> run(double[] scores, String[] featureIds, SetCollection sets, long unitSeed) {
        if (scores.length != featureIds.length) {
            throw new IllegalArgumentException("scores and featureIds differ in length");
        }
        return run(scores, sets.bind(featureIds, options.tmin()), unitSeed);
    }

    /** As {@link #run(double[], String[], SetCollection, long)} with sets already bound to the features. */
    public List<GseaResult> run(double[] scores, BoundSets sets, long unitSeed) {
        if (options.mode() == GseaMode.EXACT) {
            return compute(scores, sets, PermutationSource.numpy(unitSeed, sets.featureCount()), unitSeed);
        }
        return compute(scores, sets, null, unitSeed);
    }

    /**
     * EXACT mode with a precomputed decoupler permutation matrix (shared by all units ranking the
     * same features; see {@link PermutationMatrix}). Uses its first {@code options.permutations()} rows.
     */
    public List<GseaResult> run(double[] scores, BoundSets sets, PermutationMatrix perms) {
        if (options.mode() != GseaMode.EXACT) {
            throw new IllegalStateException("a permutation matrix is only used in EXACT mode");
        }
        if (perms.n() != sets.featureCount() || perms.times() < options.permutations()) {
            throw new IllegalArgumentException("permutation matrix is " + perms.times() + " x " + perms.n()
                + ", need " + options.permutations() + " x " + sets.featureCount());
        }
        return compute(scores, sets, perms.source(), perms.seed());
    }

    /**
     * A whole decoupler call: observations (rows, e.g. factors of one lineage) x features.
     * Drops features that are 0 in every observation and observations that are all 0 (decoupler's
     * {@code empty=True}), binds the sets once, and runs every observation: EXACT with one
     * permutation stream from {@code options.seed()} shared by all (decoupler's {@code _ridx}),
     * FAST with {@code options.unitSeed(unitKeyPrefix..., obsId)}.
     *
     * @return obsId -> rows, in input order, without the all-zero observations
     */
    public Map<String, List<GseaResult>> runObservations(double[][] scores, String[] obsIds, String[] featureIds,
                                                         SetCollection sets, String... unitKeyPrefix) {
        int nObs = scores.length;
        if (obsIds.length != nObs) {
            throw new IllegalArgumentException("obsIds and scores differ in length");
        }
        int nFeat = featureIds.length;
        double[][] m = new double[nObs][];
        for (int o = 0; o < nObs; o++) {
            if (scores[o].length != nFeat) {
                throw new IllegalArgumentException("row " + o + " has " + scores[o].length + " values");
            }
            m[o] = prepare(scores[o]);
        }
        boolean[] keepF = new boolean[nFeat];
        int nKeep = 0;
        for (int f = 0; f < nFeat; f++) {
            for (int o = 0; o < nObs && !keepF[f]; o++) {
                keepF[f] = m[o][f] != 0.0;
            }
            nKeep += keepF[f] ? 1 : 0;
        }
        String[] feats = new String[nKeep];
        int[] fIdx = new int[nKeep];
        for (int f = 0, q = 0; f < nFeat; f++) {
            if (keepF[f]) {
                feats[q] = featureIds[f];
                fIdx[q++] = f;
            }
        }
        BoundSets bound = sets.bind(feats, options.tmin());
        PermutationMatrix shared = null;
        if (options.mode() == GseaMode.EXACT && nObs > 1 && options.permutations() > 1
            && (long) options.permutations() * nKeep <= 64L * 1024 * 1024) {
            shared = PermutationMatrix.numpy(options.seed(), nKeep, options.permutations());
        }
        Map<String, List<GseaResult>> out = new LinkedHashMap<>();
        for (int o = 0; o < nObs; o++) {
            double[] row = new double[nKeep];
            boolean any = false;
            for (int q = 0; q < nKeep; q++) {
                row[q] = m[o][fIdx[q]];
                any |= row[q] != 0.0;
            }
            if (!any) {
                continue;
            }
            List<GseaResult> res;
            if (shared != null) {
                res = run(row, bound, shared);
            } else {
                String[] key = Arrays.copyOf(unitKeyPrefix, unitKeyPrefix.length + 1);
                key[unitKeyPrefix.length] = obsIds[o];
                res = run(row, bound, options.unitSeed(key));
            }
            out.put(obsIds[o], res);
        }
        return out;
    }

    private double[] prepare(double[] scores) {
        double[] r = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            double v = scores[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("non-finite score at " + i + ": " + v);
            }
            r[i] = options.float32Scores() ? (double) (float) v : v;
        }
        return r;
    }

    private List<GseaResult> compute(double[] rawScores, BoundSets sets, PermutationSource exactSource,
                                     long unitSeed) {
        if (rawScores.length != sets.featureCount()) {
            throw new IllegalArgumentException("scores has " + rawScores.length + " values, sets are bound to "
                + sets.featureCount() + " features");
        }
        double[] scores = prepare(rawScores);
        RankedList rl = RankedList.of(scores, options.tieOrder());
        int n = rl.n;
        int nSets = sets.setCount();
        int[][] hits = new int[nSets][];
        int[] ks = new int[nSets];
        double[] dec = new double[nSets];
        double[] es = new double[nSets];
        int[] jRank = new int[nSets];
        int[] jOut = new int[1];
        for (int s = 0; s < nSets; s++) {
            int[] mem = sets.membersUnsafe(s);
            int[] h = new int[mem.length];
            for (int q = 0; q < mem.length; q++) {
                h[q] = rl.featureToRank[mem[q]];
            }
            Arrays.sort(h);
            hits[s] = h;
            ks[s] = h.length;
            dec[s] = EnrichmentWalk.dec(n, h.length);
            es[s] = EnrichmentWalk.observed(rl.absR, n, h, dec[s], jOut);
            jRank[s] = jOut[0];
        }
        int times = options.permutations();
        NullStats st = null;
        if (times > 1 && nSets > 0) {
            st = options.mode() == GseaMode.EXACT
                ? ExactNull.run(rl, hits, dec, es, exactSource, times)
                : FastNull.run(rl, ks, es, unitSeed, times);
        }
        double[] nes = new double[nSets];
        double[] p = new double[nSets];
        int[] nPos = new int[nSets];
        int[] nNeg = new int[nSets];
        for (int s = 0; s < nSets; s++) {
            if (st == null) {
                nes[s] = es[s];
                p[s] = 1.0;
                continue;
            }
            nPos[s] = st.nPos[s];
            nNeg[s] = times - st.nPos[s];
            int same = es[s] >= 0 ? nPos[s] : nNeg[s];
            if (same == 0) {
                nes[s] = 0.0;
                p[s] = 1.0;
                continue;
            }
            if (es[s] >= 0) {
                double mean = st.sumPos[s] / nPos[s];
                nes[s] = es[s] / mean;
            } else {
                double mean = st.sumNeg[s] / nNeg[s];
                nes[s] = -es[s] / mean;
            }
            p[s] = options.plusOneCorrection()
                ? (st.count[s] + 1.0) / (same + 1.0)
                : (double) st.count[s] / same;
        }
        double[] padj = BenjaminiHochberg.SCIPY.adjust(p);
        List<GseaResult> out = new ArrayList<>(nSets);
        for (int s = 0; s < nSets; s++) {
            out.add(new GseaResult(sets.name(s), ks[s], es[s], nes[s], p[s], padj[s],
                leadingEdge(rl, sets, hits[s], es[s], jRank[s]), jRank[s], nPos[s], nNeg[s]));
        }
        return out;
    }

    private static List<String> leadingEdge(RankedList rl, BoundSets sets, int[] hits, double es, int j) {
        List<String> le = new ArrayList<>();
        if (es > 0) {
            for (int h : hits) {
                if (h <= j) {
                    le.add(sets.featureId(rl.rankToFeature[h]));
                }
            }
        } else {
            for (int q = hits.length - 1; q >= 0; q--) {
                if (hits[q] >= j) {
                    le.add(sets.featureId(rl.rankToFeature[hits[q]]));
                }
            }
        }
        return le;
    }
}
