package org.miracs.interpret;

import java.util.ArrayList;
import java.util.List;

/**
 * Source activities of one score vector (decoupler's {@code score_*} / {@code padj_*} for one
 * sample): per kept source the score (a t-value), the raw two-sided p-value and the
 * Benjamini-Hochberg adjusted p-value across the kept sources of this vector. Sources are in
 * Python string order. Immutable.
 *
 * <p>decoupler 2.0.4 returns BH-adjusted p for {@code ulm} but the raw p for {@code mlm} under the
 * same {@code padj_mlm} name; {@link #pAsDecoupler(int)} gives what decoupler returned.
 */
public final class ActivityScores {

    public enum Method {
        ULM, MLM;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One output row. */
    public record Row(String method, String sample, String source, int targets, double score, double pValue,
                      double pAdjusted) {
    }

    private final Method method;
    private final String sample;
    private final String[] sources;
    private final int[] targets;
    private final double[] scores;
    private final double[] pValues;
    private final double[] pAdjusted;
    private final int observations;
    private final int df;

    ActivityScores(Method method, String sample, String[] sources, int[] targets, double[] scores,
                   double[] pValues, double[] pAdjusted, int observations, int df) {
        this.method = method;
        this.sample = sample;
        this.sources = sources;
        this.targets = targets;
        this.scores = scores;
        this.pValues = pValues;
        this.pAdjusted = pAdjusted;
        this.observations = observations;
        this.df = df;
    }

    public Method method() {
        return method;
    }

    public String sample() {
        return sample;
    }

    public int size() {
        return sources.length;
    }

    public List<String> sources() {
        return List.of(sources);
    }

    public String source(int i) {
        return sources[i];
    }

    /** Targets of source i among the vector's features (after pruning, >= tmin). */
    public int targets(int i) {
        return targets[i];
    }

    /** The t-value of source i (ULM: of the slope; MLM: of its coefficient). */
    public double score(int i) {
        return scores[i];
    }

    public double pValue(int i) {
        return pValues[i];
    }

    public double pAdjusted(int i) {
        return pAdjusted[i];
    }

    /** decoupler 2.0.4's {@code padj_<method>} column: BH for ULM, the raw p for MLM. */
    public double pAsDecoupler(int i) {
        return method == Method.ULM ? pAdjusted[i] : pValues[i];
    }

    /** Index of a source, or -1 (e.g. pruned by tmin). */
    public int indexOf(String source) {
        for (int i = 0; i < sources.length; i++) {
            if (sources[i].equals(source)) {
                return i;
            }
        }
        return -1;
    }

    /** Number of observations (features of the view). */
    public int observations() {
        return observations;
    }

    /** Residual degrees of freedom of the t distribution. */
    public int degreesOfFreedom() {
        return df;
    }

    public List<Row> rows() {
        List<Row> out = new ArrayList<>(sources.length);
        for (int i = 0; i < sources.length; i++) {
            out.add(new Row(method.key(), sample, sources[i], targets[i], scores[i], pValues[i], pAdjusted[i]));
        }
        return out;
    }

    @Override
    public String toString() {
        return method.key() + "[" + sample + ", " + sources.length + " sources, df=" + df + "]";
    }
}
