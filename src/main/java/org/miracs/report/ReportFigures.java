package org.miracs.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.miracs.enrich.CrossLineageAssociations;
import org.miracs.report.svg.BarChart;
import org.miracs.report.svg.BoxPlot;
import org.miracs.report.svg.Chart;
import org.miracs.report.svg.Colors;
import org.miracs.report.svg.ForestPlot;
import org.miracs.report.svg.Heatmap;
import org.miracs.report.svg.Panels;

/** The report's figures (the paper's Fig. 1a-c and Fig. 2a-h) drawn from {@link ReportData}. */
public final class ReportFigures {
    /** MoAs called in more than this many lineages are highlighted in Fig. 1c (the paper: "> 3 tissues"). */
    public static final int RECURRENT_LINEAGES = 3;
    /** At most this many sources per panel of Fig. 2b (TF networks have hundreds). */
    static final int MAX_SOURCES = 25;
    /** At most this many MoAs in Fig. 1c. */
    static final int MAX_MOAS = 30;
    static final double MAX_WIDTH = 1100;

    public static final String SENSITIVE = "sensitive";
    public static final String RESISTANT = "resistant";

    /**
     * One figure of the report: {@code chart} is null when its data is not in the results, and
     * {@code missingNote} says why.
     */
    public record Figure(String id, String file, String caption, Chart chart, String missingNote) {}

    private ReportFigures() {}

    public static Figure varianceExplained(ReportData d) {
        String id = "fig1a";
        String file = "fig1a_variance_explained.svg";
        String caption = "Fig. 1a. Variance explained (R², %) by each factor in each group (lineage), per view.";
        if (d.variance().isEmpty()) {
            return new Figure(id, file, caption, null, "MOFA variance explained not computed in this run.");
        }
        Map<String, Map<String, Map<Integer, Double>>> byView = new TreeMap<>(viewOrder());
        TreeSet<Integer> factors = new TreeSet<>();
        for (ReportData.Variance v : d.variance()) {
            byView.computeIfAbsent(v.view(), k -> new TreeMap<>()).computeIfAbsent(v.group(), k -> new TreeMap<>())
                    .put(v.factor(), v.r2Percent());
            factors.add(v.factor());
        }
        List<String> columns = factors.stream().map(String::valueOf).toList();
        List<Chart> panels = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<Integer, Double>>> e : byView.entrySet()) {
            List<String> rows = new ArrayList<>(e.getValue().keySet());
            double[][] values = new double[rows.size()][columns.size()];
            for (int i = 0; i < rows.size(); i++) {
                int j = 0;
                for (int f : factors) {
                    values[i][j++] = e.getValue().get(rows.get(i)).getOrDefault(f, Double.NaN);
                }
            }
            panels.add(new Heatmap("View: " + e.getKey(), rows, columns, values, "Factor", "Group (lineage)", "R² (%)",
                    false, columns.size() <= 15, "%.1f", Set.of()).render());
        }
        return new Figure(id, file, caption, Panels.grid("Variance explained by factor and view", panels, MAX_WIDTH), null);
    }

    public static Figure correlationDistribution(ReportData d) {
        String id = "fig1b";
        String file = "fig1b_correlation_distribution.svg";
        String caption = "Fig. 1b. Distribution of the Spearman correlations of every factor with every drug's AUC, by lineage "
                + "(box: quartiles; whiskers: 1.5 IQR).";
        if (d.correlations().isEmpty()) {
            return new Figure(id, file, caption, null, "Factor–drug correlations not computed in this run.");
        }
        BoxPlot plot = new BoxPlot("Factor–drug Spearman correlation by lineage", "Lineage", "Spearman ρ")
                .series("all factor × drug pairs", Colors.categorical(0)).referenceLine(0).groupWidth(58);
        for (ReportData.RhoBox b : d.correlations()) {
            plot.add(b.lineage(), "all factor × drug pairs", b.box());
            plot.note(b.lineage(), "n=" + b.box().n());
        }
        return new Figure(id, file, caption, plot.render(), null);
    }

    public static Figure recurrentMoas(ReportData d) {
        String id = "fig1c";
        String file = "fig1c_lineages_per_moa.svg";
        String caption = "Fig. 1c. Number of lineages with a positive (resistance) enrichment per MoA and factor; MoAs present in > "
                + RECURRENT_LINEAGES + " lineages for some factor are highlighted.";
        if (!d.has(org.miracs.schema.Tables.CROSS_LINEAGE_ASSOCIATIONS)) {
            return new Figure(id, file, caption, null, "Cross-lineage associations not computed in this run.");
        }
        List<ReportData.Association> res = d.crossLineage().stream()
                .filter(a -> CrossLineageAssociations.RESISTANCE.equals(a.direction())).toList();
        if (res.isEmpty()) {
            return new Figure(id, file, caption, null, "No positive (resistance) enrichment was called in any lineage.");
        }
        Map<String, Map<Integer, Integer>> counts = new LinkedHashMap<>();
        TreeSet<Integer> factors = new TreeSet<>();
        for (ReportData.Association a : res) {
            counts.computeIfAbsent(a.moa(), k -> new TreeMap<>()).merge(a.factor(), a.nLineages(), Math::max);
            factors.add(a.factor());
        }
        List<String> moas = new ArrayList<>(counts.keySet());
        moas.sort(Comparator.comparingInt((String m) -> -maxOf(counts.get(m))).thenComparing(m -> -counts.get(m).size())
                .thenComparing(m -> m));
        if (moas.size() > MAX_MOAS) {
            moas = moas.subList(0, MAX_MOAS);
        }
        Set<String> recurrent = new LinkedHashSet<>();
        BarChart bars = new BarChart("Most lineages for one factor", "Lineages (max over factors)")
                .colors(Colors.categorical(4), Colors.NEGATIVE, Colors.HIGHLIGHT)
                .legend(Colors.HIGHLIGHT, "> " + RECURRENT_LINEAGES + " lineages").legend(Colors.categorical(4), "≤ " + RECURRENT_LINEAGES)
                .plotWidth(200);
        for (String m : moas) {
            int best = maxOf(counts.get(m));
            boolean hl = best > RECURRENT_LINEAGES;
            if (hl) {
                recurrent.add(m);
            }
            int bestFactor = counts.get(m).entrySet().stream().filter(e -> e.getValue() == best).findFirst().get().getKey();
            bars.add(m, best, "F" + bestFactor, hl, m + ": " + best + " lineages (factor " + bestFactor + ")");
        }
        List<String> columns = factors.stream().map(String::valueOf).toList();
        double[][] values = new double[moas.size()][columns.size()];
        for (int i = 0; i < moas.size(); i++) {
            int j = 0;
            for (int f : factors) {
                values[i][j++] = counts.get(moas.get(i)).getOrDefault(f, 0);
            }
        }
        Chart heat = new Heatmap("Lineages with positive enrichment", moas, columns, values, "Factor", null, "lineages", false,
                true, "%.0f", recurrent).render();
        return new Figure(id, file, caption, Panels.grid("Resistance associations recurring across lineages",
                List.of(heat, bars.render()), MAX_WIDTH), null);
    }

    /** Fig. 2a (pathway networks, e.g. PROGENy) or 2b (every other network: transcription factors). */
    public static Figure activity(ReportData d, boolean pathways) {
        String id = pathways ? "fig2a" : "fig2b";
        String file = pathways ? "fig2a_pathway_activity.svg" : "fig2b_tf_activity.svg";
        ReportData.Selection sel = d.selection();
        String factorText = sel == null ? "the selected factor" : "factor " + sel.factor();
        String caption = (pathways ? "Fig. 2a. Pathway activity (PROGENy)" : "Fig. 2b. Transcription-factor activity")
                + " of the loadings of " + factorText + ": decoupler ULM t-scores per view (* p_adj < 0.05, ** < 0.01, *** < 0.001).";
        if (!d.has(org.miracs.schema.Tables.PATHWAY_ACTIVITY)) {
            return new Figure(id, file, caption, null, "Pathway activity (interpret/pathway_activity) not computed in this run.");
        }
        List<ReportData.Activity> rows = d.pathwayActivity().stream()
                .filter(a -> isPathwayNetwork(a.network()) == pathways).toList();
        String method = rows.stream().anyMatch(a -> "ulm".equalsIgnoreCase(a.method())) ? "ulm"
                : rows.isEmpty() ? "ulm" : rows.get(0).method();
        rows = rows.stream().filter(a -> a.method().equalsIgnoreCase(method)).toList();
        if (rows.isEmpty()) {
            return new Figure(id, file, caption, null, pathways ? "No pathway network result for " + factorText + " in this run."
                    : "No transcription-factor network in this run (set interpret.tf_network to a CollecTRI- or DoRothEA-style table).");
        }
        Map<String, List<ReportData.Activity>> panels = new TreeMap<>(Comparator.comparing((String k) -> k.split("\u0000")[0])
                .thenComparing(k -> k.split("\u0000")[1], viewOrder()));
        for (ReportData.Activity a : rows) {
            panels.computeIfAbsent(a.network() + "\u0000" + a.view(), k -> new ArrayList<>()).add(a);
        }
        List<Chart> charts = new ArrayList<>();
        boolean truncated = false;
        for (Map.Entry<String, List<ReportData.Activity>> e : panels.entrySet()) {
            String[] key = e.getKey().split("\u0000");
            List<ReportData.Activity> acts = new ArrayList<>(e.getValue());
            acts.sort(Comparator.comparingDouble((ReportData.Activity a) -> -Math.abs(a.score())));
            if (acts.size() > MAX_SOURCES) {
                acts = acts.subList(0, MAX_SOURCES);
                truncated = true;
            }
            acts.sort(Comparator.comparingDouble((ReportData.Activity a) -> -a.score()));
            BarChart bars = new BarChart(key[1] + " · " + key[0], method.toUpperCase(Locale.ROOT) + " t-score")
                    .note("* p_adj < 0.05   ** < 0.01   *** < 0.001").plotWidth(260);
            for (ReportData.Activity a : acts) {
                bars.add(a.source(), a.score(), stars(a.pAdj()), false, String.format(Locale.ROOT,
                        "%s: t = %.3f, p = %.3g, p_adj = %.3g", a.source(), a.score(), a.pValue(), a.pAdj()));
            }
            charts.add(bars.render());
        }
        String title = (pathways ? "Pathway" : "Transcription-factor") + " activity of " + factorText
                + (truncated ? " (top " + MAX_SOURCES + " by |t|)" : "");
        return new Figure(id, file, caption, Panels.grid(title, charts, MAX_WIDTH), null);
    }

    public static Figure forest(ReportData d) {
        String id = "fig2c";
        String file = "fig2c_forest.svg";
        ReportData.Selection sel = d.selection();
        String caption = "Fig. 2c. Correlation (Pearson r, 95% Fisher-z interval) of each drug of the selected MoA with the selected "
                + "factor, per lineage.";
        if (!d.has(org.miracs.schema.Tables.FOREST)) {
            return new Figure(id, file, caption, null, "Forest plot data (interpret/forest) not computed in this run.");
        }
        if (d.forest().isEmpty()) {
            return new Figure(id, file, caption, null, "No drug of the selected MoA had enough lines for a correlation.");
        }
        ForestPlot plot = new ForestPlot("Factor " + sel.factor() + " vs AUC, " + sel.moa(), "Pearson r (factor value, AUC)")
                .domain(-1, 1).reference(0);
        for (ReportData.ForestRow r : d.forest()) {
            String drug = r.drugName() == null ? r.broadId() : r.drugName();
            plot.add(drug, r.lineage() + " (n=" + r.n() + ")", r.r(), r.ciLower(), r.ciUpper(), r.lineage(),
                    String.format(Locale.ROOT, "%s, %s: r = %.3f [%.3f, %.3f], n = %d, p = %.3g", drug, r.lineage(), r.r(),
                            r.ciLower(), r.ciUpper(), r.n(), r.pValue()));
        }
        return new Figure(id, file, caption, plot.render(), null);
    }

    public static Figure sensitivity(ReportData d) {
        String id = "fig2dh";
        String file = "fig2d-h_sensitive_vs_resistant.svg";
        ReportData.Selection sel = d.selection();
        String drug = sel == null || (sel.drugName() == null && sel.broadId() == null) ? "the selected drug"
                : sel.drugName() != null ? sel.drugName() : sel.broadId();
        String caption = "Fig. 2d–h. Factor values of lines sensitive (AUC ≤ 33rd percentile) and resistant (AUC ≥ 67th percentile) to "
                + drug + ", per lineage, with the p-value of the test.";
        if (!d.has(org.miracs.schema.Tables.SENSITIVITY_LINES)) {
            return new Figure(id, file, caption, null, "Sensitive vs resistant lines (interpret/sensitivity_lines) not computed in this run.");
        }
        if (d.sensitivityLines().isEmpty()) {
            return new Figure(id, file, caption, null, "No lineage had lines in both tails of the selected drug.");
        }
        Map<String, ReportData.SensitivityTest> tests = new LinkedHashMap<>();
        d.sensitivityTests().forEach(t -> tests.put(t.lineage(), t));
        Map<String, Map<String, List<Double>>> values = new TreeMap<>();
        for (ReportData.SensitivityLine l : d.sensitivityLines()) {
            values.computeIfAbsent(l.lineage(), k -> new TreeMap<>()).computeIfAbsent(l.responseGroup(), k -> new ArrayList<>())
                    .add(l.factorValue());
        }
        BoxPlot plot = new BoxPlot("Factor " + sel.factor() + " in lines sensitive vs resistant to " + drug, "Lineage",
                "Factor " + sel.factor() + " value").series(SENSITIVE, Colors.NEGATIVE).series(RESISTANT, Colors.POSITIVE)
                .referenceLine(0).groupWidth(96);
        for (Map.Entry<String, Map<String, List<Double>>> e : values.entrySet()) {
            for (String group : List.of(SENSITIVE, RESISTANT)) {
                List<Double> v = e.getValue().get(group);
                if (v != null) {
                    plot.add(e.getKey(), group, v.stream().mapToDouble(Double::doubleValue).toArray());
                }
            }
            ReportData.SensitivityTest t = tests.get(e.getKey());
            plot.note(e.getKey(), t == null ? "not tested" : String.format(Locale.ROOT, "p = %s", p(t.pValue())));
        }
        return new Figure(id, file, caption, plot.render(), null);
    }

    /** All figures in report order. */
    public static List<Figure> all(ReportData d) {
        return List.of(varianceExplained(d), correlationDistribution(d), recurrentMoas(d), activity(d, true), activity(d, false),
                forest(d), sensitivity(d));
    }

    static boolean isPathwayNetwork(String network) {
        return network != null && network.toLowerCase(Locale.ROOT).contains("progeny");
    }

    static String stars(double padj) {
        return padj < 0.001 ? "***" : padj < 0.01 ? "**" : padj < 0.05 ? "*" : null;
    }

    static String p(double p) {
        return p < 1e-3 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }

    private static int maxOf(Map<Integer, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** rna before protein, then alphabetical. */
    private static Comparator<String> viewOrder() {
        return Comparator.comparingInt((String v) -> v.equals("rna") ? 0 : v.equals("protein") ? 1 : 2).thenComparing(v -> v);
    }
}
