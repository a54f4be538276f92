package org.miracs.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.miracs.config.MiracsConfig;
import org.miracs.enrich.gsea.SetCollection;

/**
 * The factor-MoA associations that recur across lineages (the paper's Table 1 and Fig. 1c), from the
 * enrichment rows of every (lineage, factor, MoA). Pure.
 *
 * <ul>
 *   <li>{@code THRESHOLD} (the paper): an association is called in a lineage when
 *       padj &lt; {@code padjThreshold} and |NES| &ge; {@code minAbsNes}; direction resistance when
 *       NES &gt; 0 (high factor, high AUC), sensitivity when NES &lt; 0.</li>
 *   <li>{@code PERCENTILE} (the authors' "consistency across tissues"): NES above the
 *       {@code upperPercentile}-th percentile of all NES pooled over lineages, factors and MoAs is
 *       resistance, below the {@code lowerPercentile}-th is sensitivity (strict comparisons;
 *       percentiles as numpy's default linear interpolation).</li>
 * </ul>
 * Rows with a non-finite NES are ignored.
 */
public final class CrossLineageAssociations {
    public static final String RESISTANCE = "resistance";
    public static final String SENSITIVITY = "sensitivity";

    private CrossLineageAssociations() {}

    /** One (lineage, factor, MoA) enrichment. */
    public record Entry(String lineage, int factor, String moa, double nes, double padj) {}

    /** One cross-lineage association; lineages in code-point order. */
    public record Association(int factor, String moa, String direction, List<String> lineages) {
        public int nLineages() {
            return lineages.size();
        }
    }

    /** The cut-offs actually applied (percentile values for PERCENTILE, NaN otherwise). */
    public record Cutoffs(double upper, double lower) {}

    /**
     * @return associations called in at least one lineage, most lineages first, then by factor, MoA
     *         (code-point order) and direction
     */
    public static List<Association> compute(List<Entry> entries, MiracsConfig.CrossLineage rule) {
        Cutoffs cut = cutoffs(entries, rule);
        Map<String, TreeSet<String>> called = new TreeMap<>();
        Map<String, Association> keys = new TreeMap<>();
        for (Entry e : entries) {
            if (!Double.isFinite(e.nes())) {
                continue;
            }
            String direction = null;
            if (rule.rule() == MiracsConfig.CrossLineageRule.THRESHOLD) {
                if (e.padj() < rule.padjThreshold() && Math.abs(e.nes()) >= rule.minAbsNes()) {
                    direction = e.nes() > 0 ? RESISTANCE : e.nes() < 0 ? SENSITIVITY : null;
                }
            } else if (e.nes() > cut.upper()) {
                direction = RESISTANCE;
            } else if (e.nes() < cut.lower()) {
                direction = SENSITIVITY;
            }
            if (direction != null) {
                String key = e.factor() + "\u0000" + e.moa() + "\u0000" + direction;
                called.computeIfAbsent(key, k -> new TreeSet<>(SetCollection.CODE_POINT_ORDER)).add(e.lineage());
                keys.putIfAbsent(key, new Association(e.factor(), e.moa(), direction, List.of()));
            }
        }
        List<Association> out = new ArrayList<>();
        for (Map.Entry<String, Association> k : keys.entrySet()) {
            Association a = k.getValue();
            out.add(new Association(a.factor(), a.moa(), a.direction(), List.copyOf(called.get(k.getKey()))));
        }
        out.sort(Comparator.comparingInt(Association::nLineages).reversed()
                .thenComparingInt(Association::factor)
                .thenComparing(Association::moa, SetCollection.CODE_POINT_ORDER)
                .thenComparing(Association::direction));
        return out;
    }

    /** The percentile cut-offs of the pooled NES for PERCENTILE; NaN for THRESHOLD or no finite NES. */
    public static Cutoffs cutoffs(List<Entry> entries, MiracsConfig.CrossLineage rule) {
        if (rule.rule() != MiracsConfig.CrossLineageRule.PERCENTILE) {
            return new Cutoffs(Double.NaN, Double.NaN);
        }
        double[] nes = entries.stream().mapToDouble(Entry::nes).filter(Double::isFinite).toArray();
        Arrays.sort(nes);
        return new Cutoffs(percentile(nes, rule.upperPercentile()), percentile(nes, rule.lowerPercentile()));
    }

    /** numpy.percentile(a, q) with the default 'linear' method, on sorted values; NaN if empty. */
    public static double percentile(double[] sorted, double q) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double quantile = q / 100.0;
        // numpy: virtual index n*q + (alpha + q*(1-alpha-beta)) - 1 with alpha = beta = 1
        double virtual = n * quantile + (1.0 + quantile * (1.0 - 1.0 - 1.0)) - 1.0;
        double floor = Math.floor(virtual);
        int lo = (int) Math.max(0, Math.min(n - 1, floor));
        int hi = Math.min(n - 1, lo + 1);
        if (virtual < 0) {
            return sorted[0];
        }
        if (virtual >= n - 1) {
            return sorted[n - 1];
        }
        double t = virtual - floor;
        double a = sorted[lo];
        double b = sorted[hi];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /** The associations as a TSV with the table's columns (lineages comma-separated). */
    public static String toTsv(List<Association> associations, String[] columns) {
        StringBuilder sb = new StringBuilder(String.join("\t", columns)).append('\n');
        for (Association a : associations) {
            sb.append(a.factor()).append('\t').append(a.moa()).append('\t').append(a.direction()).append('\t')
                    .append(a.nLineages()).append('\t').append(String.join(",", a.lineages())).append('\n');
        }
        return sb.toString();
    }

    /** A short text table of the strongest associations, for the log. */
    public static String summary(List<Association> associations, int limit) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%7s  %-40s %-12s %s%n", "factor", "moa",
                "direction", "lineages"));
        for (int i = 0; i < Math.min(limit, associations.size()); i++) {
            Association a = associations.get(i);
            sb.append(String.format(Locale.ROOT, "%7d  %-40s %-12s %d: %s%n", a.factor(), a.moa(), a.direction(),
                    a.nLineages(), String.join(", ", a.lineages())));
        }
        return sb.toString();
    }
}
