package org.miracs.report.svg;

import java.util.List;

/** Several charts side by side (wrapping into rows) in one SVG, under a common title: a multi-panel figure. */
public final class Panels {
    private Panels() {}

    public static Chart grid(String title, List<Chart> charts, double maxWidth) {
        if (charts.size() == 1 && (title == null || title.isEmpty())) {
            return charts.get(0);
        }
        double top = title == null || title.isEmpty() ? 0 : 30;
        double x = 0;
        double y = top;
        double rowH = 0;
        double width = 0;
        StringBuilder body = new StringBuilder();
        for (Chart c : charts) {
            if (x > 0 && x + c.width() > maxWidth) {
                x = 0;
                y += rowH + 10;
                rowH = 0;
            }
            // a nested <svg> keeps each panel's own coordinate system; its root attributes are replaced
            String inner = c.svg().replaceFirst("^<svg xmlns=\"" + Svg.NS + "\" class=\"chart\"",
                    "<svg class=\"panel\" x=\"" + Svg.num(x) + "\" y=\"" + Svg.num(y) + "\"");
            body.append(inner);
            x += c.width() + 10;
            rowH = Math.max(rowH, c.height());
            width = Math.max(width, x - 10);
        }
        double height = y + rowH;
        width = Math.max(width, Svg.textWidth(title, Axes.TITLE_FONT + 1) + 20);
        Svg s = Svg.document(width, height, title == null ? "" : title);
        if (top > 0) {
            s.text("figure-title", 8, 20, title, Axes.TITLE_FONT + 1, "start", 0, "font-weight=\"700\" fill=\"#111\"");
        }
        s.raw(body.toString());
        return new Chart(title, s.finish(), width, height);
    }
}
