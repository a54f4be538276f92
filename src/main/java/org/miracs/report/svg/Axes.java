package org.miracs.report.svg;

import java.util.List;

/** Axis, title and legend drawing shared by the charts. */
final class Axes {
    static final double TICK_FONT = 11;
    static final double LABEL_FONT = 12;
    static final double TITLE_FONT = 14;

    private Axes() {}

    /** Chart title, centred at the top. */
    static void title(Svg s, double width, String title) {
        if (title != null && !title.isEmpty()) {
            s.text("chart-title", width / 2, 20, title, TITLE_FONT, "middle", 0, "font-weight=\"600\" fill=\"#222\"");
        }
    }

    /** Numeric axis along the bottom of the plot area, with grid lines up to {@code top}. */
    static void bottomAxis(Svg s, LinearScale x, double y, double top, String label, boolean grid) {
        List<Double> ticks = x.ticks(6);
        double step = ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : 1;
        s.open("g", "class", "axis x-axis");
        for (double t : ticks) {
            double px = x.map(t);
            if (grid) {
                s.line("grid", px, top, px, y, Colors.GRID, 1);
            }
            s.line("tick", px, y, px, y + 4, Colors.AXIS, 1);
            s.text("tick-label", px, y + 16, LinearScale.label(t, step), TICK_FONT, "middle", 0, "fill=\"#333\"");
        }
        s.line("domain", x.map(x.d0()), y, x.map(x.d1()), y, Colors.AXIS, 1);
        if (label != null) {
            s.text("axis-label", (x.r0() + x.r1()) / 2, y + 34, label, LABEL_FONT, "middle", 0, "fill=\"#222\"");
        }
        s.close("g");
    }

    /** Numeric axis along the left of the plot area, with grid lines up to {@code right}. */
    static void leftAxis(Svg s, LinearScale y, double x, double right, String label, boolean grid) {
        List<Double> ticks = y.ticks(5);
        double step = ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : 1;
        s.open("g", "class", "axis y-axis");
        for (double t : ticks) {
            double py = y.map(t);
            if (grid) {
                s.line("grid", x, py, right, py, Colors.GRID, 1);
            }
            s.line("tick", x - 4, py, x, py, Colors.AXIS, 1);
            s.text("tick-label", x - 7, py + 4, LinearScale.label(t, step), TICK_FONT, "end", 0, "fill=\"#333\"");
        }
        s.line("domain", x, y.map(y.d0()), x, y.map(y.d1()), Colors.AXIS, 1);
        if (label != null) {
            double cy = (y.r0() + y.r1()) / 2;
            s.text("axis-label", 14, cy, label, LABEL_FONT, "middle", -90, "fill=\"#222\"");
        }
        s.close("g");
    }

    /** A horizontal legend of coloured swatches starting at (x, y). */
    static double legend(Svg s, double x, double y, List<Legend> items, String heading) {
        s.open("g", "class", "legend");
        double cx = x;
        if (heading != null) {
            s.text("legend-title", cx, y + 9, heading, TICK_FONT, "start", 0, "font-weight=\"600\" fill=\"#222\"");
            cx += Svg.textWidth(heading, TICK_FONT) + 10;
        }
        for (Legend item : items) {
            s.rect("legend-swatch", cx, y, 11, 11, item.color(), null);
            s.text("legend-label", cx + 15, y + 9.5, item.label(), TICK_FONT, "start", 0, "fill=\"#222\"");
            cx += 15 + Svg.textWidth(item.label(), TICK_FONT) + 14;
        }
        s.close("g");
        return cx - x;
    }

    /** Width a legend needs. */
    static double legendWidth(List<Legend> items, String heading) {
        double w = heading == null ? 0 : Svg.textWidth(heading, TICK_FONT) + 10;
        for (Legend item : items) {
            w += 15 + Svg.textWidth(item.label(), TICK_FONT) + 14;
        }
        return w;
    }

    /** One colour and its meaning. */
    record Legend(String color, String label) {}
}
