package org.miracs.report.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Horizontal bars, one per labelled value, from a zero line (negative values to the left), coloured by
 * sign or highlighted, with an optional mark (e.g. "*" for significance) at the end of a bar. Bars have
 * class {@code bar}.
 */
public final class BarChart {
    /** One bar: label, value, text mark drawn after the bar (null for none), highlighted bar, tooltip. */
    public record Bar(String label, double value, String mark, boolean highlight, String tooltip) {}

    private final String title;
    private final String xLabel;
    private final List<Bar> bars = new ArrayList<>();
    private String positiveColor = Colors.POSITIVE;
    private String negativeColor = Colors.NEGATIVE;
    private String highlightColor = Colors.HIGHLIGHT;
    private final List<Axes.Legend> legend = new ArrayList<>();
    private String note;
    private double plotWidth = 320;

    public BarChart(String title, String xLabel) {
        this.title = title;
        this.xLabel = xLabel;
    }

    public BarChart add(String label, double value, String mark, boolean highlight, String tooltip) {
        bars.add(new Bar(label, value, mark, highlight, tooltip));
        return this;
    }

    /** Colours of positive and negative bars (default red and blue). */
    public BarChart colors(String positive, String negative, String highlight) {
        positiveColor = positive;
        negativeColor = negative;
        highlightColor = highlight;
        return this;
    }

    public BarChart legend(String color, String label) {
        legend.add(new Axes.Legend(color, label));
        return this;
    }

    /** A footnote under the axis (e.g. what the marks mean). */
    public BarChart note(String text) {
        note = text;
        return this;
    }

    public BarChart plotWidth(double px) {
        plotWidth = px;
        return this;
    }

    public List<Bar> bars() {
        return List.copyOf(bars);
    }

    public Chart render() {
        double rowH = bars.size() > 40 ? 13 : 18;
        int labelChars = 0;
        for (Bar b : bars) {
            labelChars = Math.max(labelChars, Svg.clip(b.label(), 40).length());
        }
        double left = 12 + labelChars * Axes.TICK_FONT * 0.56 + 8;
        double top = legend.isEmpty() ? 34 : 54;
        double plotH = Math.max(1, bars.size()) * rowH;
        double right = left + plotWidth;
        double width = right + 40;
        width = Math.max(width, Svg.textWidth(title, Axes.TITLE_FONT) + 20);
        width = Math.max(width, left + Axes.legendWidth(legend, null));
        double height = top + plotH + 44 + (note == null ? 0 : 16);

        double min = 0;
        double max = 0;
        for (Bar b : bars) {
            if (Double.isFinite(b.value())) {
                min = Math.min(min, b.value());
                max = Math.max(max, b.value());
            }
        }
        LinearScale x = LinearScale.nice(min, max, left, right, 5);
        Svg s = Svg.document(width, height, title);
        Axes.title(s, width, title);
        if (!legend.isEmpty()) {
            Axes.legend(s, left, 30, legend, null);
        }
        Axes.bottomAxis(s, x, top + plotH + 4, top, xLabel, true);
        s.open("g", "class", "bars");
        double zero = x.map(0);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = top + i * rowH;
            double v = Double.isFinite(b.value()) ? b.value() : 0;
            double px = x.map(v);
            String fill = b.highlight() ? highlightColor : v >= 0 ? positiveColor : negativeColor;
            String tip = b.tooltip() != null ? b.tooltip()
                    : b.label() + ": " + String.format(Locale.ROOT, "%.3g", b.value());
            s.rect("bar", Math.min(zero, px), y + 2, Math.abs(px - zero), rowH - 4, fill, tip);
            s.text("bar-label", left - 6, y + rowH / 2 + 4, Svg.clip(b.label(), 40), Axes.TICK_FONT, "end", 0,
                    b.highlight() ? "font-weight=\"700\" fill=\"#222\"" : "fill=\"#222\"");
            if (b.mark() != null && !b.mark().isEmpty()) {
                boolean neg = v < 0;
                s.text("bar-mark", neg ? px - 3 : px + 3, y + rowH / 2 + 4, b.mark(), Axes.TICK_FONT, neg ? "end" : "start", 0,
                        "fill=\"#222\"");
            }
        }
        s.close("g");
        s.line("zero", zero, top, zero, top + plotH + 4, Colors.AXIS, 1);
        if (note != null) {
            s.text("note", left, height - 6, note, 10, "start", 0, "fill=\"#555\"");
        }
        return new Chart(title, s.finish(), width, height);
    }
}
