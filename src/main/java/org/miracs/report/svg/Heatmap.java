package org.miracs.report.svg;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A matrix of coloured cells (rows x columns) with row and column labels, a colour bar and optional
 * cell annotations. Missing values (NaN) are light grey. Cells have class {@code cell}.
 *
 * @param title        chart title
 * @param rows         row labels (top to bottom)
 * @param columns      column labels (left to right)
 * @param values       values[row][column], NaN for missing
 * @param xLabel       label under the column labels
 * @param yLabel       label left of the row labels
 * @param valueLabel   colour bar label (what a cell's colour means)
 * @param diverging    blue-white-red around 0 instead of white to blue from 0
 * @param annotate     print the value in every cell (with {@code format})
 * @param format       String.format pattern of annotations and tooltips, e.g. "%.1f"
 * @param highlightRows row labels drawn bold and marked (e.g. MoAs recurring in many lineages)
 */
public record Heatmap(String title, List<String> rows, List<String> columns, double[][] values, String xLabel,
                      String yLabel, String valueLabel, boolean diverging, boolean annotate, String format,
                      Set<String> highlightRows) {

    public Heatmap {
        if (values.length != rows.size()) {
            throw new IllegalArgumentException("values has " + values.length + " rows, labels " + rows.size());
        }
        for (double[] r : values) {
            if (r.length != columns.size()) {
                throw new IllegalArgumentException("a row has " + r.length + " values for " + columns.size() + " columns");
            }
        }
        highlightRows = highlightRows == null ? Set.of() : Set.copyOf(highlightRows);
        format = format == null ? "%.2f" : format;
    }

    public Chart render() {
        double cell = columns.size() > 30 ? 16 : 22;
        double cellH = rows.size() > 40 ? 14 : 20;
        int rowChars = 0;
        for (String r : rows) {
            rowChars = Math.max(rowChars, Svg.clip(r, 40).length());
        }
        int colChars = 0;
        for (String c : columns) {
            colChars = Math.max(colChars, Svg.clip(c, 24).length());
        }
        double left = 10 + (yLabel == null ? 0 : 18) + rowChars * Axes.TICK_FONT * 0.56 + 10;
        double top = 34;
        double gridW = Math.max(1, columns.size()) * cell;
        double gridH = Math.max(1, rows.size()) * cellH;
        boolean rotate = colChars > 3;
        double colLabelH = rotate ? colChars * Axes.TICK_FONT * 0.56 * 0.75 + 12 : 18;
        double barW = 14;
        double legendX = left + gridW + 24;
        double width = Math.max(legendX + barW + 60, left + gridW + 24 + 60);
        width = Math.max(width, Svg.textWidth(title, Axes.TITLE_FONT) + 20);
        width = Math.max(width, legendX + barW + 8 + Svg.textWidth(valueLabel, 10));
        double height = top + gridH + colLabelH + (xLabel == null ? 6 : 26);
        height = Math.max(height, top + Math.max(60, Math.min(gridH, 160)) + 24);

        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] r : values) {
            for (double v : r) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!Double.isFinite(min)) {
            min = 0;
            max = 1;
        }
        double lo = diverging ? -Math.max(Math.abs(min), Math.abs(max)) : Math.min(0, min);
        double hi = diverging ? -lo : max;
        if (hi <= lo) {
            hi = lo + 1;
        }

        Svg s = Svg.document(width, height, title);
        Axes.title(s, width, title);
        s.open("g", "class", "cells");
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < columns.size(); j++) {
                double v = values[i][j];
                String fill = color(v, lo, hi);
                String tip = rows.get(i) + " \u00d7 " + columns.get(j) + ": " + (Double.isFinite(v) ? fmt(v) : "missing");
                double x = left + j * cell;
                double y = top + i * cellH;
                s.rect("cell", x, y, cell - 1, cellH - 1, fill, tip);
                if (annotate && Double.isFinite(v) && cell >= 18) {
                    s.text("cell-value", x + (cell - 1) / 2, y + cellH / 2 + 3.5, fmt(v), 9, "middle", 0,
                            "fill=\"" + Colors.textOn(fill) + "\"");
                }
            }
        }
        s.close("g");
        s.open("g", "class", "row-labels");
        for (int i = 0; i < rows.size(); i++) {
            boolean hl = highlightRows.contains(rows.get(i));
            s.text("row-label", left - 6, top + i * cellH + cellH / 2 + 3.5, Svg.clip(rows.get(i), 40), Axes.TICK_FONT, "end", 0,
                    hl ? "font-weight=\"700\" fill=\"" + Colors.HIGHLIGHT + "\"" : "fill=\"#222\"");
        }
        s.close("g");
        s.open("g", "class", "column-labels");
        double labelY = top + gridH + 12;
        for (int j = 0; j < columns.size(); j++) {
            double x = left + j * cell + cell / 2;
            if (rotate) {
                s.text("column-label", x + 3, labelY - 4, Svg.clip(columns.get(j), 24), Axes.TICK_FONT, "end", -45, "fill=\"#222\"");
            } else {
                s.text("column-label", x, labelY, columns.get(j), Axes.TICK_FONT, "middle", 0, "fill=\"#222\"");
            }
        }
        s.close("g");
        if (xLabel != null) {
            s.text("axis-label", left + gridW / 2, top + gridH + colLabelH + 14, xLabel, Axes.LABEL_FONT, "middle", 0, "fill=\"#222\"");
        }
        if (yLabel != null) {
            s.text("axis-label", 14, top + gridH / 2, yLabel, Axes.LABEL_FONT, "middle", -90, "fill=\"#222\"");
        }
        colourBar(s, legendX, top, barW, Math.max(60, Math.min(gridH, 160)), lo, hi);
        return new Chart(title, s.finish(), width, height);
    }

    private void colourBar(Svg s, double x, double y, double w, double h, double lo, double hi) {
        s.open("g", "class", "colour-bar");
        int steps = 24;
        for (int k = 0; k < steps; k++) {
            double v = hi - (hi - lo) * (k + 0.5) / steps;
            s.rect("colour-step", x, y + k * h / steps, w, h / steps + 0.5, color(v, lo, hi), null);
        }
        s.text("tick-label", x + w + 4, y + 9, fmt(hi), 10, "start", 0, "fill=\"#333\"");
        s.text("tick-label", x + w + 4, y + h, fmt(lo), 10, "start", 0, "fill=\"#333\"");
        if (valueLabel != null) {
            s.text("legend-title", x + w + 4, y + h + 16, valueLabel, 10, "start", 0, "fill=\"#222\"");
        }
        s.close("g");
    }

    private String color(double v, double lo, double hi) {
        if (!Double.isFinite(v)) {
            return Colors.MISSING;
        }
        return diverging ? Colors.diverging(v / hi) : Colors.sequential((v - lo) / (hi - lo));
    }

    private String fmt(double v) {
        return LinearScale.noNegativeZero(String.format(Locale.ROOT, format, v));
    }
}
