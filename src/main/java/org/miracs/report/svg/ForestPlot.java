package org.miracs.report.svg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A forest plot: one row per estimate with its interval as an error bar, rows grouped under section
 * headings (e.g. one section per drug), a dashed reference line (e.g. r = 0) and the estimate printed at
 * the right. Points are coloured by a category (e.g. lineage) with a legend. Estimates have class
 * {@code estimate}, intervals class {@code ci}.
 */
public final class ForestPlot {
    /** One estimate with its 95% interval. */
    public record Row(String section, String label, double estimate, double lower, double upper, String category,
                      String tooltip) {}

    private final String title;
    private final String xLabel;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, String> categoryColors = new LinkedHashMap<>();
    private double domainMin = Double.NaN;
    private double domainMax = Double.NaN;
    private double reference = 0;

    public ForestPlot(String title, String xLabel) {
        this.title = title;
        this.xLabel = xLabel;
    }

    public ForestPlot add(String section, String label, double estimate, double lower, double upper, String category,
                          String tooltip) {
        rows.add(new Row(section, label, estimate, lower, upper, category, tooltip));
        if (category != null) {
            categoryColors.putIfAbsent(category, Colors.categorical(categoryColors.size()));
        }
        return this;
    }

    /** Fixes the x domain (e.g. -1 to 1 for correlations). */
    public ForestPlot domain(double min, double max) {
        domainMin = min;
        domainMax = max;
        return this;
    }

    public ForestPlot reference(double x) {
        reference = x;
        return this;
    }

    public Chart render() {
        double rowH = 17;
        List<Object> lines = new ArrayList<>(); // section headings (String) and rows
        String current = null;
        for (Row r : rows) {
            if (r.section() != null && !r.section().equals(current)) {
                lines.add(r.section());
                current = r.section();
            }
            lines.add(r);
        }
        int labelChars = 8;
        for (Object o : lines) {
            labelChars = Math.max(labelChars, o instanceof Row r ? Svg.clip(r.label(), 36).length() + 2
                    : Svg.clip((String) o, 40).length());
        }
        List<Axes.Legend> legend = new ArrayList<>();
        categoryColors.forEach((k, c) -> legend.add(new Axes.Legend(c, k)));
        boolean showLegend = categoryColors.size() > 1;
        double left = 14 + labelChars * Axes.TICK_FONT * 0.56 + 10;
        double plotW = 300;
        double right = left + plotW;
        double textCol = right + 12;
        double width = textCol + 150;
        double legendRows = 0;
        if (showLegend) {
            legendRows = Math.ceil(Axes.legendWidth(legend, null) / Math.max(200, width - 24));
        }
        double top = 34 + legendRows * 18 + (showLegend ? 6 : 0);
        double plotH = Math.max(1, lines.size()) * rowH;
        double height = top + plotH + 46;
        width = Math.max(width, Svg.textWidth(title, Axes.TITLE_FONT) + 20);

        double min = domainMin;
        double max = domainMax;
        if (Double.isNaN(min)) {
            min = reference;
            max = reference;
            for (Row r : rows) {
                min = Math.min(min, finiteOr(r.lower(), r.estimate()));
                max = Math.max(max, finiteOr(r.upper(), r.estimate()));
            }
        }
        LinearScale x = Double.isNaN(domainMin) ? LinearScale.nice(min, max, left, right, 5)
                : new LinearScale(min, max, left, right);
        Svg s = Svg.document(width, height, title);
        Axes.title(s, width, title);
        if (showLegend) {
            legendWrapped(s, 12, 30, width - 24, legend);
        }
        Axes.bottomAxis(s, x, top + plotH + 4, top, xLabel, true);
        double refX = x.map(reference);
        s.empty("line", "class", "reference", "x1", Svg.num(refX), "y1", Svg.num(top), "x2", Svg.num(refX), "y2",
                Svg.num(top + plotH + 4), "stroke", "#777", "stroke-width", "1", "stroke-dasharray", "4 3");
        s.text("column-heading", textCol, top - 4, "estimate [95% CI]", 10, "start", 0, "fill=\"#555\"");
        for (int i = 0; i < lines.size(); i++) {
            double cy = top + i * rowH + rowH / 2;
            if (lines.get(i) instanceof String section) {
                s.text("section-label", 12, cy + 4, Svg.clip(section, 40), Axes.TICK_FONT, "start", 0,
                        "font-weight=\"700\" fill=\"#222\"");
                continue;
            }
            Row r = (Row) lines.get(i);
            String color = r.category() == null ? "#333" : categoryColors.get(r.category());
            s.open("g", "class", "forest-row");
            s.text("row-label", 22, cy + 4, Svg.clip(r.label(), 36), Axes.TICK_FONT, "start", 0, "fill=\"#222\"");
            if (Double.isFinite(r.lower()) && Double.isFinite(r.upper())) {
                double x0 = x.map(Math.max(x.d0(), r.lower()));
                double x1 = x.map(Math.min(x.d1(), r.upper()));
                s.line("ci", x0, cy, x1, cy, color, 1.6);
                s.line("ci-cap", x0, cy - 4, x0, cy + 4, color, 1.2);
                s.line("ci-cap", x1, cy - 4, x1, cy + 4, color, 1.2);
            }
            String tip = r.tooltip() != null ? r.tooltip()
                    : String.format(Locale.ROOT, "%s %s: %.3f [%.3f, %.3f]", r.section() == null ? "" : r.section(), r.label(),
                    r.estimate(), r.lower(), r.upper());
            s.raw("<rect class=\"estimate\" x=\"" + Svg.num(x.map(r.estimate()) - 4) + "\" y=\"" + Svg.num(cy - 4)
                    + "\" width=\"8\" height=\"8\" fill=\"" + Svg.esc(color) + "\" stroke=\"#222\" stroke-width=\"0.6\"><title>"
                    + Svg.esc(tip) + "</title></rect>");
            s.text("estimate-label", textCol, cy + 4, String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", r.estimate(), r.lower(),
                    r.upper()), 10, "start", 0, "fill=\"#333\"");
            s.close("g");
        }
        return new Chart(title, s.finish(), width, height);
    }

    private static double finiteOr(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }

    private static void legendWrapped(Svg s, double x, double y, double maxWidth, List<Axes.Legend> items) {
        double cx = x;
        double cy = y;
        s.open("g", "class", "legend");
        for (Axes.Legend item : items) {
            double w = 15 + Svg.textWidth(item.label(), Axes.TICK_FONT) + 14;
            if (cx > x && cx + w > x + maxWidth) {
                cx = x;
                cy += 18;
            }
            s.rect("legend-swatch", cx, cy, 11, 11, item.color(), null);
            s.text("legend-label", cx + 15, cy + 9.5, item.label(), Axes.TICK_FONT, "start", 0, "fill=\"#222\"");
            cx += w;
        }
        s.close("g");
    }
}
