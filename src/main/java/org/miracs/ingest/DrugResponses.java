package org.miracs.ingest;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The pure rules that turn PRISM curves into one AUC per (line, compound), and AUCs into z-scores.
 * Every sum runs over sorted values, so the result has the same bits whatever order Spark delivers
 * the curves in.
 */
public final class DrugResponses {
    private DrugResponses() {}

    /** One fitted curve's AUC and the priority rank of its screen (0 = highest). */
    public record Measurement(int screenRank, String screenId, double auc) implements Serializable {}

    /** The AUC chosen for a (line, compound): the mean of the curves of one screen. */
    public record Selected(String screenId, double auc, int curves) implements Serializable {}

    /**
     * The highest-priority screen among {@code measurements} (or exactly {@code requiredRank} when it
     * is not negative: the per-compound variant) and the mean of its curves; null if no curve qualifies.
     */
    public static Selected select(List<Measurement> measurements, int requiredRank) {
        int rank = requiredRank;
        if (rank < 0) {
            rank = Integer.MAX_VALUE;
            for (Measurement m : measurements) {
                rank = Math.min(rank, m.screenRank());
            }
        }
        double[] aucs = new double[measurements.size()];
        int n = 0;
        String screen = null;
        for (Measurement m : measurements) {
            if (m.screenRank() == rank) {
                aucs[n++] = m.auc();
                screen = m.screenId();
            }
        }
        return n == 0 ? null : new Selected(screen, sortedMean(Arrays.copyOf(aucs, n)), n);
    }

    /** The mean, summed in ascending order. */
    public static double sortedMean(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    /**
     * z = (x - mean) / sd with the sample SD (n - 1, as pandas); NaN for every value when there are
     * fewer than two values or they are all equal.
     */
    public static double[] zScores(double[] values) {
        double[] z = new double[values.length];
        if (values.length < 2) {
            Arrays.fill(z, Double.NaN);
            return z;
        }
        double mean = sortedMean(values);
        double[] squares = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            squares[i] = (values[i] - mean) * (values[i] - mean);
        }
        Arrays.sort(squares);
        double ss = 0;
        for (double s : squares) {
            ss += s;
        }
        double sd = Math.sqrt(ss / (values.length - 1));
        for (int i = 0; i < values.length; i++) {
            z[i] = sd > 0 ? (values[i] - mean) / sd : Double.NaN;
        }
        return z;
    }
}
