package org.miracs.report.svg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Box plots per group along the x axis, one box per series within a group (e.g. sensitive and resistant
 * lines of each lineage), optionally with the raw values as jittered points (a strip plot) and a note
 * above each group (e.g. a p-value). Boxes have class {@code box}, points class {@code point}.
 */
public final class BoxPlot {
    private record Entry(String group, String series, BoxStats stats, double[] points) {}

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Map<String, String> seriesColors = new LinkedHashMap<>();
    private final List<String> groups = new ArrayList<>();
    private final Map<String, String> groupNotes = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private Double referenceLine;
    private double groupWidth = 0;

    public BoxPlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Declares a series and its colour (series are drawn in declaration order within a group). */
    public BoxPlot series(String name, String color) {
        seriesColors.put(name, color);
        return this;
    }

    /** Adds the raw values of (group, series): box from them, points drawn. */
    public BoxPlot add(String group, String series, double[] values) {
        return add(group, series, BoxStats.of(values), values.clone());
    }

    /** Adds a precomputed box (large data summarised elsewhere): no points. */
    public BoxPlot add(String group, String series, BoxStats stats) {
        return add(group, series, stats, null);
    }

    private BoxPlot add(String group, String series, BoxStats stats, double[] points) {
        if (!groups.contains(group)) {
            groups.add(group);
        }
        seriesColors.putIfAbsent(series, Colors.categorical(seriesColors.size()));
        entries.add(new Entry(group, series, stats, points));
        return this;
    }

    /** Text drawn above a group (e.g. "p = 0.01"). */
    public BoxPlot note(String group, String text) {
        groupNotes.put(group, text);
        return this;
    }

    /** A dashed horizontal line at {@code y} (e.g. 0). */
    public BoxPlot referenceLine(double y) {
        referenceLine = y;
        return this;
    }

    public BoxPlot groupWidth(double px) {
        groupWidth = px;
        return this;
    }

    public Chart render() {
        int nSeries = Math.max(1, seriesColors.size());
        double gw = groupWidth > 0 ? groupWidth : Math.max(34, 26 * nSeries + 16);
        int labelChars = 0;
        for (String g : groups) {
            labelChars = Math.max(labelChars, Svg.clip(g, 28).length());
        }
        boolean rotate = labelChars * Axes.TICK_FONT * 0.56 > gw - 4;
        double labelH = rotate ? labelChars * Axes.TICK_FONT * 0.56 * 0.72 + 14 : 20;
        boolean legendShown = seriesColors.size() > 1;
        double top = 34 + (legendShown ? 22 : 0) + (groupNotes.isEmpty() ? 0 : 14);
        double left = 62;
        double plotH = 240;
        double plotW = Math.max(1, groups.size()) * gw;
        double width = Math.max(left + plotW + 20, Svg.textWidth(title, Axes.TITLE_FONT) + 20);
        List<Axes.Legend> legend = new ArrayList<>();
        seriesColors.forEach((name, color) -> legend.add(new Axes.Legend(color, name)));
        if (legendShown) {
            width = Math.max(width, left + Axes.legendWidth(legend, null) + 10);
        }
        double height = top + plotH + labelH + (xLabel == null ? 8 : 26);

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Entry e : entries) {
            if (e.stats().n() > 0) {
                min = Math.min(min, e.stats().lowerWhisker());
                max = Math.max(max, e.stats().upperWhisker());
            }
            if (e.points() != null) {
                for (double p : e.points()) {
                    if (Double.isFinite(p)) {
                        min = Math.min(min, p);
                        max = Math.max(max, p);
                    }
                }
            }
        }
        if (referenceLine != null) {
            min = Math.min(min, referenceLine);
            max = Math.max(max, referenceLine);
        }
        LinearScale y = LinearScale.nice(min, max, top + plotH, top, 5);
        Svg s = Svg.document(width, height, title);
        Axes.title(s, width, title);
        if (legendShown) {
            Axes.legend(s, left, 30, legend, null);
        }
        Axes.leftAxis(s, y, left, left + plotW, yLabel, true);
        if (referenceLine != null) {
            double py = y.map(referenceLine);
            s.empty("line", "class", "reference", "x1", Svg.num(left), "y1", Svg.num(py), "x2", Svg.num(left + plotW),
                    "y2", Svg.num(py), "stroke", "#888", "stroke-width", "1", "stroke-dasharray", "4 3");
        }
        List<String> seriesOrder = new ArrayList<>(seriesColors.keySet());
        double boxW = Math.min(28, (gw - 10) / nSeries - 4);
        for (int gi = 0; gi < groups.size(); gi++) {
            String g = groups.get(gi);
            double gx = left + gi * gw;
            s.open("g", "class", "group");
            for (Entry e : entries) {
                if (!e.group().equals(g)) {
                    continue;
                }
                int si = seriesOrder.indexOf(e.series());
                double cx = gx + gw / 2 + (si - (nSeries - 1) / 2.0) * (boxW + 4);
                drawBox(s, e, cx, boxW, y, seriesColors.get(e.series()));
            }
            if (groupNotes.containsKey(g) && Svg.textWidth(groupNotes.get(g), 10) <= gw - 2) {
                s.text("group-note", gx + gw / 2, top - 6, groupNotes.get(g), 10, "middle", 0, "fill=\"#333\"");
            }
            double ly = top + plotH + 14;
            if (rotate) {
                s.text("group-label", gx + gw / 2 + 3, ly - 4, Svg.clip(g, 28), Axes.TICK_FONT, "end", -40, "fill=\"#222\"");
            } else {
                s.text("group-label", gx + gw / 2, ly, Svg.clip(g, 28), Axes.TICK_FONT, "middle", 0, "fill=\"#222\"");
            }
            s.close("g");
        }
        s.line("domain", left, top + plotH, left + plotW, top + plotH, Colors.AXIS, 1);
        if (xLabel != null) {
            s.text("axis-label", left + plotW / 2, height - 8, xLabel, Axes.LABEL_FONT, "middle", 0, "fill=\"#222\"");
        }
        return new Chart(title, s.finish(), width, height);
    }

    private static void drawBox(Svg s, Entry e, double cx, double w, LinearScale y, String color) {
        BoxStats b = e.stats();
        if (b.n() == 0) {
            return;
        }
        String tip = String.format(Locale.ROOT, "%s, %s: n = %d, median %.3g, IQR %.3g to %.3g", e.group(), e.series(), b.n(),
                b.median(), b.q1(), b.q3());
        s.line("whisker", cx, y.map(b.lowerWhisker()), cx, y.map(b.q1()), "#333", 1);
        s.line("whisker", cx, y.map(b.q3()), cx, y.map(b.upperWhisker()), "#333", 1);
        s.line("whisker-cap", cx - w / 4, y.map(b.lowerWhisker()), cx + w / 4, y.map(b.lowerWhisker()), "#333", 1);
        s.line("whisker-cap", cx - w / 4, y.map(b.upperWhisker()), cx + w / 4, y.map(b.upperWhisker()), "#333", 1);
        double top = y.map(b.q3());
        double bottom = y.map(b.q1());
        s.raw("<rect class=\"box\" x=\"" + Svg.num(cx - w / 2) + "\" y=\"" + Svg.num(top) + "\" width=\"" + Svg.num(w)
                + "\" height=\"" + Svg.num(Math.max(1, bottom - top)) + "\" fill=\"" + Svg.esc(color)
                + "\" fill-opacity=\"0.35\" stroke=\"" + Svg.esc(color) + "\" stroke-width=\"1.5\"><title>" + Svg.esc(tip)
                + "</title></rect>");
        s.line("median", cx - w / 2, y.map(b.median()), cx + w / 2, y.map(b.median()), "#222", 2);
        if (e.points() != null) {
            for (int i = 0; i < e.points().length; i++) {
                double p = e.points()[i];
                if (!Double.isFinite(p)) {
                    continue;
                }
                double jitter = ((i * 0.6180339887) % 1.0 - 0.5) * w * 0.7;
                s.raw("<circle class=\"point\" cx=\"" + Svg.num(cx + jitter) + "\" cy=\"" + Svg.num(y.map(p)) + "\" r=\"2.8\" fill=\""
                        + Svg.esc(color) + "\" stroke=\"#fff\" stroke-width=\"0.6\"><title>"
                        + Svg.esc(String.format(Locale.ROOT, "%s, %s: %.3g", e.group(), e.series(), p)) + "</title></circle>");
            }
        }
    }
}
