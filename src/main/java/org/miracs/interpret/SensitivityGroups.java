package org.miracs.interpret;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.miracs.enrich.gsea.SetCollection;

/**
 * The authors' sensitive-vs-resistant comparison of a factor for one drug (the paper's
 * Fig. 2d-h). Immutable and thread-safe.
 *
 * <ol>
 * <li>Thresholds are pan-cancer: the 33rd and 67th percentiles (numpy's default linear
 * interpolation, {@link Percentile}) of the drug's raw AUC over <em>all</em> lines given with a
 * finite AUC, whatever their lineage or factor value.</li>
 * <li>Each line is <b>sensitive</b> when {@code AUC <= p33} and <b>resistant</b> when
 * {@code AUC >= p67}, both inclusive, otherwise intermediate. Inclusive on both sides so that the
 * two tails are treated alike and a line whose AUC <em>is</em> the percentile (numpy returns an
 * observed value whenever (n-1)·q is integral, or inside a run of ties) counts in the tail it
 * bounds, as in the usual {@code auc <= auc.quantile(0.33)} idiom; the groups cannot overlap while
 * p33 < p67. If ties make p33 == p67 no split is made (every line intermediate).</li>
 * <li>Then per lineage, among its lines with both an AUC and a factor value, the comparison is
 * made only when both groups have at least {@code minPerGroup} (default 3) lines.</li>
 * <li>Factor values of the two groups are always compared by a two-sided Mann-Whitney U
 * ({@link MannWhitneyU}, scipy's 'auto' method). The authors' choice of test is also reported:
 * Student's t-test (equal variances) when Shapiro-Wilk does not reject normality in either group
 * and Levene (median-centred) does not reject equal variances, all at {@code alpha} (0.05),
 * otherwise Mann-Whitney.</li>
 * </ol>
 */
public final class SensitivityGroups {

    public enum Group { SENSITIVE, INTERMEDIATE, RESISTANT, MISSING }

    public enum Test { STUDENT_T, MANN_WHITNEY }

    /** Both groups' factor values compared. */
    public record Comparison(int nSensitive, int nResistant, double medianSensitive, double medianResistant,
                             double meanSensitive, double meanResistant, MannWhitneyU.Result mannWhitney,
                             ShapiroWilk.Result shapiroSensitive, ShapiroWilk.Result shapiroResistant,
                             Levene.Result levene, StudentTTest.Result tTest, Test chosen, double chosenP) {
    }

    /** One lineage: its group sizes and either a comparison or the reason there is none. */
    public record LineageComparison(String lineage, int sensitive, int intermediate, int resistant,
                                    Comparison comparison, String skipped) {
    }

    /** The split of one drug: pan-cancer thresholds, each line's group, per-lineage comparisons. */
    public record DrugSplit(String drug, double lowerThreshold, double upperThreshold, int linesWithAuc,
                            List<Group> groups, List<LineageComparison> lineages) {
    }

    private final double lowerPercentile;
    private final double upperPercentile;
    private final int minPerGroup;
    private final double alpha;

    private SensitivityGroups(double lowerPercentile, double upperPercentile, int minPerGroup, double alpha) {
        if (!(lowerPercentile >= 0 && lowerPercentile < upperPercentile && upperPercentile <= 100)) {
            throw new IllegalArgumentException("need 0 <= lower < upper <= 100 percentiles, got " + lowerPercentile
                + ", " + upperPercentile);
        }
        if (minPerGroup < 3) {
            throw new IllegalArgumentException("minPerGroup must be >= 3 (Shapiro-Wilk needs 3 values), got "
                + minPerGroup);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        this.lowerPercentile = lowerPercentile;
        this.upperPercentile = upperPercentile;
        this.minPerGroup = minPerGroup;
        this.alpha = alpha;
    }

    /** 33rd/67th percentiles, at least 3 lines per group, alpha 0.05. */
    public static SensitivityGroups defaults() {
        return new SensitivityGroups(33, 67, 3, 0.05);
    }

    public SensitivityGroups withPercentiles(double lower, double upper) {
        return new SensitivityGroups(lower, upper, minPerGroup, alpha);
    }

    public SensitivityGroups withMinPerGroup(int min) {
        return new SensitivityGroups(lowerPercentile, upperPercentile, min, alpha);
    }

    public SensitivityGroups withAlpha(double a) {
        return new SensitivityGroups(lowerPercentile, upperPercentile, minPerGroup, a);
    }

    public double lowerPercentile() {
        return lowerPercentile;
    }

    public double upperPercentile() {
        return upperPercentile;
    }

    public int minPerGroup() {
        return minPerGroup;
    }

    public double alpha() {
        return alpha;
    }

    /** {lower, upper} thresholds of the finite AUCs. */
    public double[] thresholds(double[] auc) {
        return new double[] {Percentile.of(auc, lowerPercentile), Percentile.of(auc, upperPercentile)};
    }

    /** Group of each AUC against the thresholds of all of them. */
    public Group[] classify(double[] auc) {
        double[] th = thresholds(auc);
        Group[] g = new Group[auc.length];
        for (int i = 0; i < auc.length; i++) {
            g[i] = classify(auc[i], th[0], th[1]);
        }
        return g;
    }

    static Group classify(double auc, double lower, double upper) {
        if (Double.isNaN(auc) || Double.isNaN(lower)) {
            return Group.MISSING;
        }
        if (!(lower < upper)) {
            return Group.INTERMEDIATE;
        }
        if (auc <= lower) {
            return Group.SENSITIVE;
        }
        return auc >= upper ? Group.RESISTANT : Group.INTERMEDIATE;
    }

    /**
     * Splits one drug's lines pan-cancer and compares the factor per lineage.
     *
     * @param lineages lineage of each line (same order as auc / factor)
     * @param auc      raw AUC of the drug, NaN when not screened
     * @param factor   the factor's value per line, NaN when absent
     */
    public DrugSplit split(String drug, String[] lineages, double[] auc, double[] factor) {
        if (lineages.length != auc.length || factor.length != auc.length) {
            throw new IllegalArgumentException(drug + ": " + lineages.length + " lineages, " + auc.length
                + " AUCs and " + factor.length + " factor values");
        }
        double[] th = thresholds(auc);
        int withAuc = (int) Arrays.stream(auc).filter(v -> !Double.isNaN(v)).count();
        List<Group> groups = new ArrayList<>(auc.length);
        Map<String, List<Integer>> byLineage = new TreeMap<>(SetCollection.CODE_POINT_ORDER);
        for (int i = 0; i < auc.length; i++) {
            Group g = classify(auc[i], th[0], th[1]);
            groups.add(g);
            if (g != Group.MISSING && !Double.isNaN(factor[i]) && lineages[i] != null) {
                byLineage.computeIfAbsent(lineages[i], k -> new ArrayList<>()).add(i);
            }
        }
        List<LineageComparison> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byLineage.entrySet()) {
            List<Double> sens = new ArrayList<>();
            List<Double> res = new ArrayList<>();
            int mid = 0;
            for (int i : e.getValue()) {
                switch (groups.get(i)) {
                    case SENSITIVE -> sens.add(factor[i]);
                    case RESISTANT -> res.add(factor[i]);
                    default -> mid++;
                }
            }
            if (sens.size() < minPerGroup || res.size() < minPerGroup) {
                out.add(new LineageComparison(e.getKey(), sens.size(), mid, res.size(), null,
                    "fewer than " + minPerGroup + " lines in a group (sensitive " + sens.size() + ", resistant "
                        + res.size() + ")"));
            } else {
                out.add(new LineageComparison(e.getKey(), sens.size(), mid, res.size(),
                    compare(toArray(sens), toArray(res)), null));
            }
        }
        return new DrugSplit(drug, th[0], th[1], withAuc, List.copyOf(groups), List.copyOf(out));
    }

    /** Compares the factor values of the sensitive and resistant lines (each >= 3 values, no NaN). */
    public Comparison compare(double[] sensitive, double[] resistant) {
        if (sensitive.length < 3 || resistant.length < 3) {
            throw new IllegalArgumentException("each group needs >= 3 values, got " + sensitive.length + " and "
                + resistant.length);
        }
        MannWhitneyU.Result mw = MannWhitneyU.test(sensitive, resistant);
        ShapiroWilk.Result sw1 = ShapiroWilk.test(sensitive);
        ShapiroWilk.Result sw2 = ShapiroWilk.test(resistant);
        Levene.Result lev = Levene.test(sensitive, resistant);
        StudentTTest.Result tt = StudentTTest.test(sensitive, resistant);
        boolean parametric = sw1.pValue() > alpha && sw2.pValue() > alpha && lev.pValue() > alpha;
        Test chosen = parametric ? Test.STUDENT_T : Test.MANN_WHITNEY;
        return new Comparison(sensitive.length, resistant.length, Percentile.of(sensitive, 50),
            Percentile.of(resistant, 50), Ulm.mean(sensitive), Ulm.mean(resistant), mw, sw1, sw2, lev, tt, chosen,
            parametric ? tt.pValue() : mw.pValue());
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
