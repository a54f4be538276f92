package org.miracs.report;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.miracs.enrich.CrossLineageAssociations;
import org.miracs.report.ReportFigures.Figure;
import org.miracs.report.svg.Svg;
import org.miracs.schema.TableDef;
import org.miracs.schema.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MIRACS report: one self-contained HTML file (inline CSS and SVG, no script, no external URL) with
 * the paper's Fig. 1, Table 1 and Fig. 2 drawn from a results folder, the ingestion QC and the run's
 * parameters, versions and timings. Each figure is also written as an SVG file under
 * {@code figures/} next to the HTML, and each table section links to its Parquet folder.
 */
public final class HtmlReport {
    private static final Logger LOG = LoggerFactory.getLogger(HtmlReport.class);
    /** Default location of the report inside a results folder. */
    public static final String DEFAULT_PATH = "report/index.html";
    public static final String FIGURES_DIR = "figures";

    private final ReportData data;
    private final List<Figure> figures;
    private final String linkBase;

    /**
     * @param linkBase how the HTML file reaches the results folder: a relative path ("..") or an absolute URI
     */
    public HtmlReport(ReportData data, String linkBase) {
        this.data = data;
        this.figures = ReportFigures.all(data);
        this.linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
    }

    public List<Figure> figures() {
        return figures;
    }

    /**
     * Writes the HTML to {@code outFile} and the figures to {@code <dir of outFile>/figures/*.svg}, through
     * Hadoop's file system (local, HDFS or an object store). Returns the paths written.
     */
    public static List<String> write(Configuration conf, ReportData data, String outFile) throws IOException {
        Path out = new Path(outFile);
        FileSystem fs = out.getFileSystem(conf);
        out = fs.makeQualified(out);
        Path base = new Path(data.base()).getFileSystem(conf).makeQualified(new Path(data.base()));
        HtmlReport report = new HtmlReport(data, relativeLink(out.getParent(), base));
        List<String> written = new ArrayList<>();
        Path figDir = new Path(out.getParent(), FIGURES_DIR);
        for (Figure f : report.figures()) {
            if (f.chart() != null) {
                Path p = new Path(figDir, f.file());
                writeText(fs, p, f.chart().asFile());
                written.add(p.toString());
            }
        }
        writeText(fs, out, report.html());
        written.add(out.toString());
        LOG.info("report written to {} ({} figures)", out, written.size() - 1);
        return written;
    }

    private static void writeText(FileSystem fs, Path p, String text) throws IOException {
        try (OutputStream o = fs.create(p, true)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Relative path from folder {@code from} to {@code to} when both are on one file system, else to's URI. */
    static String relativeLink(Path from, Path to) {
        URI a = from.toUri();
        URI b = to.toUri();
        if (!java.util.Objects.equals(a.getScheme(), b.getScheme()) || !java.util.Objects.equals(a.getAuthority(), b.getAuthority())) {
            return b.toString();
        }
        java.nio.file.Path rel = java.nio.file.Path.of(a.getPath()).relativize(java.nio.file.Path.of(b.getPath()));
        String s = rel.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    // ------------------------------------------------------------------------------------------ HTML

    public String html() {
        StringBuilder h = new StringBuilder(64 * 1024);
        String title = "MIRACS report" + (runString("run_id") == null ? "" : " — run " + runString("run_id"));
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>").append(esc(title)).append("</h1>");
        h.append("<p class=\"lead\">MIRACS — Multiomic Integration for Resistance Association via Correlation Strategy: ")
                .append("drug-resistance programs shared across cancer lineages. Results folder: <code>").append(esc(data.base()))
                .append("</code></p>");
        summaryCards(h);
        h.append("<nav><ol>");
        for (String[] s : List.of(new String[] {"qc", "Ingestion QC"}, new String[] {"phase1", "Phase 1 · Integration (Fig. 1a)"},
                new String[] {"phase2", "Phase 2 · Correlation (Fig. 1b)"},
                new String[] {"phase3", "Phase 3 · Enrichment (Fig. 1c, Table 1)"},
                new String[] {"phase4", "Phase 4 · Interpretation (Fig. 2)"}, new String[] {"run", "Run parameters, versions, timings"})) {
            h.append("<li><a href=\"#").append(s[0]).append("\">").append(esc(s[1])).append("</a></li>");
        }
        h.append("</ol></nav></header>\n<main>\n");

        section(h, "qc", "Ingestion QC", Tables.INGESTION_QC);
        qcTable(h);
        h.append("</section>\n");

        section(h, "phase1", "Phase 1 · Multi-group MOFA", Tables.VARIANCE_EXPLAINED);
        figure(h, figures.get(0));
        varianceTotals(h);
        h.append("</section>\n");

        section(h, "phase2", "Phase 2 · Factor–drug correlations", Tables.CORRELATIONS);
        figure(h, figures.get(1));
        correlationSummary(h);
        h.append("</section>\n");

        section(h, "phase3", "Phase 3 · MoA enrichment across lineages", Tables.CROSS_LINEAGE_ASSOCIATIONS);
        figure(h, figures.get(2));
        crossLineageTable(h);
        h.append("</section>\n");

        section(h, "phase4", "Phase 4 · Interpretation of the selected factor", null);
        selection(h);
        subsection(h, "fig2a", "Pathway and transcription-factor activity (Fig. 2a–b)", Tables.PATHWAY_ACTIVITY);
        figure(h, figures.get(3));
        figure(h, figures.get(4));
        topFeatures(h);
        subsection(h, "fig2c", "Drugs of the selected MoA: forest plot (Fig. 2c)", Tables.FOREST);
        figure(h, figures.get(5));
        subsection(h, "fig2dh", "Sensitive vs resistant lines of the selected drug (Fig. 2d–h)", Tables.SENSITIVITY_LINES);
        figure(h, figures.get(6));
        sensitivityTests(h);
        h.append("</section>\n");

        section(h, "run", "Run parameters, versions and timings", null);
        runInfo(h);
        h.append("</section>\n</main>\n<footer>Generated by miracs ")
                .append(esc(String.valueOf(data.run().getOrDefault("miracs_version", "")))).append(" from the Parquet outputs of ")
                .append("this results folder; re-render with <code>bin/miracs report --results DIR</code>.</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private void summaryCards(StringBuilder h) {
        Map<String, String> cards = new LinkedHashMap<>();
        TreeSet<String> groups = new TreeSet<>();
        TreeSet<Integer> factors = new TreeSet<>();
        data.variance().forEach(v -> {
            groups.add(v.group());
            factors.add(v.factor());
        });
        if (!groups.isEmpty()) {
            cards.put("lineages (MOFA groups)", String.valueOf(groups.size()));
            cards.put("factors", String.valueOf(factors.size()));
        }
        long corr = data.correlations().stream().mapToLong(b -> b.box().n()).sum();
        if (corr > 0) {
            cards.put("factor–drug correlations", String.format(Locale.ROOT, "%,d", corr));
        }
        long res = data.crossLineage().stream().filter(a -> CrossLineageAssociations.RESISTANCE.equals(a.direction())).count();
        if (data.has(Tables.CROSS_LINEAGE_ASSOCIATIONS)) {
            cards.put("resistance associations", String.valueOf(res));
        }
        if (data.selection() != null) {
            cards.put("selected factor", String.valueOf(data.selection().factor()));
        }
        if (data.run().get("finished") != null) {
            cards.put("finished", String.valueOf(data.run().get("finished")).replace('T', ' ').replaceAll("\\.\\d+Z$", " UTC"));
        }
        h.append("<div class=\"cards\">");
        cards.forEach((k, v) -> h.append("<div class=\"card\"><div class=\"v\">").append(esc(v)).append("</div><div class=\"k\">")
                .append(esc(k)).append("</div></div>"));
        h.append("</div>");
    }

    private void section(StringBuilder h, String id, String title, TableDef table) {
        h.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(title)).append("</h2>");
        if (table != null) {
            tableLink(h, table);
        }
    }

    private void subsection(StringBuilder h, String id, String title, TableDef table) {
        h.append("<div class=\"sub\" id=\"sub-").append(id).append("\"><h3>").append(esc(title)).append("</h3>");
        tableLink(h, table);
        h.append("</div>");
    }

    private void tableLink(StringBuilder h, TableDef table) {
        h.append("<p class=\"data\">Data: ");
        if (data.has(table)) {
            h.append("<a class=\"table-link\" href=\"").append(esc(linkBase + "/" + table.path() + "/")).append("\"><code>")
                    .append(esc(table.path())).append("</code></a> (Parquet)");
        } else {
            h.append("<code>").append(esc(table.path())).append("</code> <span class=\"absent\">not computed in this run</span>");
        }
        h.append("</p>\n");
    }

    private void figure(StringBuilder h, Figure f) {
        h.append("<figure id=\"").append(f.id()).append("\" class=\"").append(f.chart() == null ? "missing" : "rendered").append("\">");
        if (f.chart() != null) {
            h.append("<div class=\"svgwrap\">").append(f.chart().svg()).append("</div>");
        } else {
            h.append("<div class=\"note\">").append(esc(f.missingNote())).append("</div>");
        }
        h.append("<figcaption>").append(esc(f.caption()));
        if (f.chart() != null) {
            h.append(" <a class=\"svg-link\" href=\"").append(FIGURES_DIR).append('/').append(esc(f.file())).append("\">SVG</a>");
        }
        h.append("</figcaption></figure>\n");
    }

    private void note(StringBuilder h, String text) {
        h.append("<div class=\"note\">").append(esc(text)).append("</div>\n");
    }

    private void qcTable(StringBuilder h) {
        if (data.qc().isEmpty()) {
            note(h, "Ingestion QC not computed in this run.");
            return;
        }
        h.append("<table class=\"qc\"><thead><tr><th>#</th><th>step</th><th>dataset</th><th class=\"n\">lines</th>")
                .append("<th class=\"n\">features</th><th class=\"n\">lineages</th><th>detail</th></tr></thead><tbody>");
        for (ReportData.QcStep s : data.qc()) {
            h.append("<tr><td>").append(s.index()).append("</td><td>").append(esc(s.step())).append("</td><td>").append(esc(s.dataset()))
                    .append("</td><td class=\"n\">").append(count(s.lines())).append("</td><td class=\"n\">").append(count(s.features()))
                    .append("</td><td class=\"n\">").append(count(s.lineages())).append("</td><td class=\"detail\">")
                    .append(esc(s.detail())).append("</td></tr>");
        }
        h.append("</tbody></table>\n");
    }

    private void varianceTotals(StringBuilder h) {
        if (data.varianceTotal().isEmpty()) {
            return;
        }
        Map<String, Map<String, Double>> byGroup = new TreeMap<>();
        TreeSet<String> views = new TreeSet<>((a, b) -> a.equals(b) ? 0 : a.equals("rna") ? -1 : b.equals("rna") ? 1 : a.compareTo(b));
        for (ReportData.VarianceTotal v : data.varianceTotal()) {
            byGroup.computeIfAbsent(v.group(), k -> new TreeMap<>()).put(v.view(), v.r2Percent());
            views.add(v.view());
        }
        h.append("<h3>Total variance explained by all factors (R², %)</h3>");
        tableLink(h, Tables.VARIANCE_EXPLAINED_TOTAL);
        h.append("<table><thead><tr><th>group</th>");
        views.forEach(v -> h.append("<th class=\"n\">").append(esc(v)).append("</th>"));
        h.append("</tr></thead><tbody>");
        Map<String, double[]> mean = new LinkedHashMap<>();
        byGroup.forEach((g, m) -> {
            h.append("<tr><td>").append(esc(g)).append("</td>");
            for (String v : views) {
                Double x = m.get(v);
                h.append("<td class=\"n\">").append(x == null ? "" : String.format(Locale.ROOT, "%.1f", x)).append("</td>");
                if (x != null) {
                    double[] acc = mean.computeIfAbsent(v, k -> new double[2]);
                    acc[0] += x;
                    acc[1]++;
                }
            }
            h.append("</tr>");
        });
        h.append("<tr class=\"total\"><td>mean over groups</td>");
        for (String v : views) {
            double[] acc = mean.get(v);
            h.append("<td class=\"n\">").append(acc == null ? "" : String.format(Locale.ROOT, "%.1f", acc[0] / acc[1])).append("</td>");
        }
        h.append("</tr></tbody></table>\n");
    }

    private void correlationSummary(StringBuilder h) {
        if (data.correlations().isEmpty()) {
            return;
        }
        double sumAbs = 0;
        long n = 0;
        double maxAbs = 0;
        for (ReportData.RhoBox b : data.correlations()) {
            sumAbs += b.meanAbs() * b.box().n();
            n += b.box().n();
            maxAbs = Math.max(maxAbs, b.maxAbs());
        }
        h.append("<p>").append(String.format(Locale.ROOT, "%,d", n)).append(" factor–drug correlations in ")
                .append(data.correlations().size()).append(" lineages; mean |ρ| = ")
                .append(String.format(Locale.ROOT, "%.3f", sumAbs / Math.max(1, n))).append(", max |ρ| = ")
                .append(String.format(Locale.ROOT, "%.3f", maxAbs)).append(".</p>\n");
    }

    private void crossLineageTable(StringBuilder h) {
        h.append("<h3 id=\"table1\">Table 1. Factor–MoA associations recurring across lineages</h3>");
        if (!data.has(Tables.CROSS_LINEAGE_ASSOCIATIONS)) {
            note(h, "Cross-lineage associations not computed in this run.");
            return;
        }
        Object rule = configValue("cross_lineage.rule");
        h.append("<p class=\"data\">One row per (factor, MoA, direction) called in at least one lineage")
                .append(rule == null ? "" : " under <code>cross_lineage.rule = " + esc(rule.toString()) + "</code>")
                .append("; resistance first, by number of lineages.</p>");
        if (data.crossLineage().isEmpty()) {
            note(h, "No association was called in any lineage.");
            return;
        }
        h.append("<table class=\"table1\"><thead><tr><th class=\"n\">factor</th><th>MoA</th><th>direction</th>")
                .append("<th class=\"n\">lineages</th><th>lineage names</th></tr></thead><tbody>");
        ReportData.Selection sel = data.selection();
        for (ReportData.Association a : data.crossLineage()) {
            boolean selected = sel != null && sel.factor() == a.factor() && a.moa().equals(sel.moa())
                    && CrossLineageAssociations.RESISTANCE.equals(a.direction());
            h.append("<tr class=\"").append(a.direction()).append(selected ? " selected" : "").append("\"><td class=\"n\">")
                    .append(a.factor()).append("</td><td>").append(esc(a.moa())).append("</td><td>").append(esc(a.direction()))
                    .append("</td><td class=\"n\">").append(a.nLineages()).append("</td><td>").append(esc(String.join(", ", a.lineages())))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>\n");
    }

    private void selection(StringBuilder h) {
        ReportData.Selection s = data.selection();
        if (s == null) {
            note(h, "Nothing to interpret: no cross-lineage association and no interpretation in this run.");
            return;
        }
        h.append("<p class=\"selection\">Selected <b>factor ").append(s.factor()).append("</b>");
        if (s.moa() != null) {
            h.append(", MoA <b>").append(esc(s.moa())).append("</b>");
        }
        if (s.broadId() != null) {
            h.append(", drug <b>").append(esc(s.drugName() == null ? s.broadId() : s.drugName())).append("</b> (")
                    .append(esc(s.broadId())).append(")");
        }
        h.append(" <span class=\"src\">— from ").append(esc(s.source())).append("; set with <code>interpret.factor</code>, ")
                .append("<code>interpret.moa</code>, <code>interpret.drug</code></span></p>\n");
    }

    private void topFeatures(StringBuilder h) {
        h.append("<h3>Top loadings of the selected factor</h3>");
        tableLink(h, Tables.TOP_FEATURES);
        if (data.topFeatures().isEmpty()) {
            note(h, data.has(Tables.TOP_FEATURES) ? "No top features for the selected factor." : "Top features not computed in this run.");
            return;
        }
        Map<String, List<ReportData.TopFeature>> byView = new TreeMap<>();
        data.topFeatures().forEach(t -> byView.computeIfAbsent(t.view(), k -> new ArrayList<>()).add(t));
        h.append("<div class=\"cols\">");
        byView.forEach((view, list) -> {
            h.append("<table class=\"top\"><caption>").append(esc(view)).append("</caption><thead><tr><th class=\"n\">rank</th>")
                    .append("<th>gene</th><th>feature</th><th class=\"n\">weight</th></tr></thead><tbody>");
            for (ReportData.TopFeature t : list.subList(0, Math.min(15, list.size()))) {
                h.append("<tr><td class=\"n\">").append(t.rank()).append("</td><td>").append(esc(t.geneSymbol() == null ? "" : t.geneSymbol()))
                        .append("</td><td class=\"feat\">").append(esc(t.feature())).append("</td><td class=\"n ")
                        .append(t.weight() >= 0 ? "pos" : "neg").append("\">").append(String.format(Locale.ROOT, "%+.3f", t.weight()))
                        .append("</td></tr>");
            }
            h.append("</tbody></table>");
        });
        h.append("</div>\n");
    }

    private void sensitivityTests(StringBuilder h) {
        h.append("<h3>Sensitive vs resistant: tests per lineage</h3>");
        tableLink(h, Tables.SENSITIVITY_TESTS);
        if (data.sensitivityTests().isEmpty()) {
            note(h, data.has(Tables.SENSITIVITY_TESTS) ? "No lineage had enough lines in both tails."
                    : "Sensitivity tests not computed in this run.");
            return;
        }
        h.append("<table><thead><tr><th>lineage</th><th class=\"n\">sensitive</th><th class=\"n\">resistant</th><th>test</th>")
                .append("<th class=\"n\">p-value</th><th class=\"n\">Mann–Whitney p</th></tr></thead><tbody>");
        for (ReportData.SensitivityTest t : data.sensitivityTests()) {
            h.append("<tr><td>").append(esc(t.lineage())).append("</td><td class=\"n\">").append(t.nSensitive())
                    .append("</td><td class=\"n\">").append(t.nResistant()).append("</td><td>").append(esc(t.test()))
                    .append("</td><td class=\"n").append(t.pValue() < 0.05 ? " sig" : "").append("\">").append(ReportFigures.p(t.pValue()))
                    .append("</td><td class=\"n\">").append(ReportFigures.p(t.mannWhitneyP())).append("</td></tr>");
        }
        h.append("</tbody></table>\n");
    }

    @SuppressWarnings("unchecked")
    private void runInfo(StringBuilder h) {
        Map<String, Object> run = data.run();
        if (run.isEmpty()) {
            note(h, "No run.json in this results folder.");
            return;
        }
        h.append("<div class=\"cols\"><div><h3>Run</h3><table class=\"kv\"><tbody>");
        for (String k : List.of("miracs_version", "command", "run_id", "started", "finished", "data_dir", "out_dir", "java_version",
                "spark_version", "spark_master", "driver_peak_heap_mb")) {
            if (run.containsKey(k)) {
                h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(String.valueOf(run.get(k)))).append("</td></tr>");
            }
        }
        h.append("</tbody></table>");
        if (run.get("stages") instanceof List<?> stages && !stages.isEmpty()) {
            h.append("<h3>Stage timings</h3><table><thead><tr><th>stage</th><th class=\"n\">seconds</th>")
                    .append("<th class=\"n\">driver peak heap (MB)</th></tr></thead><tbody>");
            double total = 0;
            for (Object o : stages) {
                if (o instanceof Map<?, ?> st) {
                    Object sec = st.get("seconds");
                    total += sec instanceof Number n ? n.doubleValue() : 0;
                    h.append("<tr><td>").append(esc(String.valueOf(st.get("name")))).append("</td><td class=\"n\">")
                            .append(esc(String.valueOf(sec))).append("</td><td class=\"n\">")
                            .append(esc(String.valueOf(st.get("driver_peak_heap_mb")))).append("</td></tr>");
                }
            }
            h.append("<tr class=\"total\"><td>total</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.1f", total))
                    .append("</td><td></td></tr></tbody></table>");
        }
        for (String k : List.of("inputs", "mofa", "enrichment", "interpretation")) {
            if (run.get(k) instanceof Map<?, ?> m) {
                h.append("<h3>").append(esc(k)).append("</h3>");
                kvTable(h, (Map<String, Object>) m);
            }
        }
        h.append("</div><div><h3>Parameters</h3>");
        if (run.get("config") instanceof Map<?, ?> config) {
            kvTable(h, (Map<String, Object>) config);
        }
        h.append("</div></div>\n");
    }

    private static void kvTable(StringBuilder h, Map<String, Object> m) {
        h.append("<table class=\"kv\"><tbody>");
        m.forEach((k, v) -> h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v instanceof Map<?, ?> || v instanceof List<?>
                ? String.valueOf(v) : String.valueOf(v))).append("</td></tr>"));
        h.append("</tbody></table>");
    }

    private Object configValue(String key) {
        return data.run().get("config") instanceof Map<?, ?> m ? m.get(key) : null;
    }

    private String runString(String key) {
        Object o = data.run().get(key);
        return o == null ? null : o.toString();
    }

    private static String count(Long v) {
        return v == null ? "" : String.format(Locale.ROOT, "%,d", v);
    }

    private static String esc(String s) {
        return Svg.esc(s);
    }

    private static final String CSS = """
            :root{--fg:#1d2329;--muted:#5b6670;--line:#dde3e8;--accent:#0b5cad;--bg:#fafbfc}
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
            header{background:#fff;border-bottom:1px solid var(--line);padding:22px 32px 10px}
            h1{margin:0 0 4px;font-size:26px}
            h2{margin:0 0 10px;font-size:21px;border-bottom:2px solid var(--accent);padding-bottom:4px}
            h3{margin:20px 0 6px;font-size:16px}
            .lead{color:var(--muted);margin:0 0 12px}
            main{padding:8px 32px 32px;max-width:1260px}
            section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:18px 22px;margin:18px 0}
            nav ol{display:flex;flex-wrap:wrap;gap:6px 8px;list-style:none;padding:0;margin:10px 0 4px}
            nav li a{display:inline-block;padding:3px 10px;border:1px solid var(--line);border-radius:14px;text-decoration:none;font-size:14px}
            a{color:var(--accent)}
            code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f1f3f5;padding:1px 4px;border-radius:3px}
            .cards{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0}
            .card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;background:var(--bg);min-width:120px}
            .card .v{font-size:20px;font-weight:600}.card .k{font-size:12px;color:var(--muted)}
            figure{margin:12px 0 18px}
            .svgwrap{overflow-x:auto;border:1px solid var(--line);border-radius:6px;background:#fff;padding:6px}
            .svgwrap svg{display:block;max-width:none}
            figcaption{font-size:13px;color:var(--muted);margin-top:6px}
            .note{border-left:4px solid #e0a500;background:#fff8e1;padding:10px 14px;border-radius:4px;color:#5d4500;margin:8px 0}
            .absent{color:#8a6d00;font-style:italic}
            .data{font-size:13px;color:var(--muted);margin:2px 0 8px}
            table{border-collapse:collapse;font-size:13px;margin:6px 0 12px}
            th,td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}
            thead th{background:#f1f4f7;font-weight:600}
            td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
            td.detail{color:var(--muted);max-width:520px}
            td.feat{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
            td.pos{color:#b2182b}td.neg{color:#2166ac}td.sig{font-weight:700}
            tr.total td{font-weight:600;border-top:2px solid var(--line)}
            tr.sensitivity td{color:var(--muted)}
            tr.selected td{background:#fff3e0;font-weight:600}
            table.kv th{font-weight:500;color:var(--muted);background:none;white-space:nowrap}
            table.kv td{word-break:break-all}
            .cols{display:flex;flex-wrap:wrap;gap:28px;align-items:flex-start}
            .cols>div{flex:1 1 420px;min-width:0}
            caption{text-align:left;font-weight:600;padding:2px 0}
            .selection{background:#eef5fc;border-radius:6px;padding:10px 14px}
            .selection .src{color:var(--muted);font-size:13px}
            .sub{margin-top:18px}
            footer{color:var(--muted);font-size:12px;padding:0 32px 24px}
            """;
}
