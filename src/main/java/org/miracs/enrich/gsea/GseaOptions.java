package org.miracs.enrich.gsea;

import org.miracs.stats.random.UnitSeeds;

/**
 * Immutable GSEA configuration.
 *
 * @param permutations number of permutations ({@code times}); &lt;= 1 means no null: NES = ES,
 *                     p = 1 (decoupler's behaviour for times &lt;= 1)
 * @param tmin         minimum number of set members present among the features (decoupler
 *                     {@code tmin}); smaller sets are dropped
 * @param mode         {@link GseaMode#FAST} (default) or {@link GseaMode#EXACT}
 * @param seed         run seed; see {@link #unitSeed(String...)}
 * @param plusOneCorrection p = (count+1)/(n+1) instead of decoupler's count/n
 * @param float32Scores round scores to float32 first (MIRACS hands decoupler a float32 AnnData)
 * @param tieOrder     order of tied scores (default {@link TieOrder#DECOUPLER})
 */
public record GseaOptions(int permutations, int tmin, GseaMode mode, long seed, boolean plusOneCorrection,
                          boolean float32Scores, TieOrder tieOrder) {

    /** MIRACS settings: 10,000 permutations, tmin 5, FAST, seed 42, no +1, float32, decoupler ties. */
    public static final GseaOptions DEFAULT =
        new GseaOptions(10_000, 5, GseaMode.FAST, 42L, false, true, TieOrder.DECOUPLER);

    public GseaOptions {
        if (permutations < 0) {
            throw new IllegalArgumentException("permutations must be >= 0");
        }
        if (tmin < 0) {
            throw new IllegalArgumentException("tmin must be >= 0");
        }
        if (mode == null || tieOrder == null) {
            throw new IllegalArgumentException("mode and tieOrder are required");
        }
    }

    /** decoupler 2.0.4 as MIRACS calls it: EXACT, 10,000 permutations, tmin 5, seed 42. */
    public static GseaOptions decoupler() {
        return DEFAULT.withMode(GseaMode.EXACT);
    }

    public GseaOptions withPermutations(int p) {
        return new GseaOptions(p, tmin, mode, seed, plusOneCorrection, float32Scores, tieOrder);
    }

    public GseaOptions withTmin(int t) {
        return new GseaOptions(permutations, t, mode, seed, plusOneCorrection, float32Scores, tieOrder);
    }

    public GseaOptions withMode(GseaMode m) {
        return new GseaOptions(permutations, tmin, m, seed, plusOneCorrection, float32Scores, tieOrder);
    }

    public GseaOptions withSeed(long s) {
        return new GseaOptions(permutations, tmin, mode, s, plusOneCorrection, float32Scores, tieOrder);
    }

    public GseaOptions withPlusOneCorrection(boolean b) {
        return new GseaOptions(permutations, tmin, mode, seed, b, float32Scores, tieOrder);
    }

    public GseaOptions withFloat32Scores(boolean b) {
        return new GseaOptions(permutations, tmin, mode, seed, plusOneCorrection, b, tieOrder);
    }

    public GseaOptions withTieOrder(TieOrder t) {
        return new GseaOptions(permutations, tmin, mode, seed, plusOneCorrection, float32Scores, t);
    }

    /**
     * The seed to pass to {@link Gsea#run} for one unit (e.g. keys lineage, factor).
     * EXACT: {@link #seed()} itself, because decoupler shares one permutation matrix, from its
     * numpy seed, across every observation of a call. FAST: a stable 64-bit hash of
     * (seed, unitKey) ({@link UnitSeeds#derive}), so units get independent streams that do not
     * depend on threads or partitions.
     */
    public long unitSeed(String... unitKey) {
        return mode == GseaMode.EXACT ? seed : UnitSeeds.derive(seed, unitKey);
    }
}
