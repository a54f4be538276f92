package org.miracs.report.svg;

import java.util.Locale;

/**
 * A minimal SVG writer: elements appended to a buffer with escaped text and compact numbers. Every
 * chart of the report is built on it, so the output is plain SVG 1.1 that any browser opens offline.
 */
public final class Svg {
    public static final String NS = "http://www.w3.org/2000/svg";
    /** Font stack of every chart (system fonts only: the report must not load anything). */
    public static final String FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";

    private final StringBuilder sb = new StringBuilder();

    /** Formats a coordinate: at most two decimals, no exponent, '.' as decimal separator. */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        double r = Math.round(v * 100) / 100.0;
        if (r == Math.rint(r)) {
            return Long.toString((long) r);
        }
        return String.format(Locale.ROOT, "%.2f", r).replaceAll("0+$", "");
    }

    /** Escapes text for element content and attribute values. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Rough width in pixels of a label at a font size (mean glyph width of a sans-serif font). */
    public static double textWidth(String s, double fontSize) {
        return s == null ? 0 : s.length() * fontSize * 0.56;
    }

    /** Shortens a label to at most {@code max} characters with an ellipsis. */
    public static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, Math.max(1, max - 1)) + "\u2026";
    }

    public Svg raw(String text) {
        sb.append(text);
        return this;
    }

    public Svg open(String tag, String... attrs) {
        sb.append('<').append(tag);
        attributes(attrs);
        sb.append('>');
        return this;
    }

    public Svg close(String tag) {
        sb.append("</").append(tag).append('>');
        return this;
    }

    /** An empty element; {@code attrs} are name, value pairs. */
    public Svg empty(String tag, String... attrs) {
        sb.append('<').append(tag);
        attributes(attrs);
        sb.append("/>");
        return this;
    }

    public Svg rect(String cls, double x, double y, double w, double h, String fill, String tooltip) {
        sb.append("<rect class=\"").append(esc(cls)).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" width=\"").append(num(Math.max(0, w))).append("\" height=\"").append(num(Math.max(0, h)))
                .append("\" fill=\"").append(esc(fill)).append('"');
        tail(tooltip, "rect");
        return this;
    }

    public Svg line(String cls, double x1, double y1, double x2, double y2, String stroke, double width) {
        sb.append("<line class=\"").append(esc(cls)).append("\" x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1))
                .append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" stroke=\"")
                .append(esc(stroke)).append("\" stroke-width=\"").append(num(width)).append("\"/>");
        return this;
    }

    public Svg circle(String cls, double cx, double cy, double r, String fill, String tooltip) {
        sb.append("<circle class=\"").append(esc(cls)).append("\" cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy))
                .append("\" r=\"").append(num(r)).append("\" fill=\"").append(esc(fill)).append('"');
        tail(tooltip, "circle");
        return this;
    }

    /**
     * Text; {@code anchor} is start, middle or end; {@code rotate} in degrees around the anchor point.
     */
    public Svg text(String cls, double x, double y, String text, double size, String anchor, double rotate, String extra) {
        sb.append("<text class=\"").append(esc(cls)).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" font-size=\"").append(num(size)).append("\" text-anchor=\"").append(anchor).append('"');
        if (rotate != 0) {
            sb.append(" transform=\"rotate(").append(num(rotate)).append(' ').append(num(x)).append(' ').append(num(y)).append(")\"");
        }
        if (extra != null && !extra.isEmpty()) {
            sb.append(' ').append(extra);
        }
        sb.append('>').append(esc(text)).append("</text>");
        return this;
    }

    private void tail(String tooltip, String tag) {
        if (tooltip == null) {
            sb.append("/>");
        } else {
            sb.append("><title>").append(esc(tooltip)).append("</title></").append(tag).append('>');
        }
    }

    private void attributes(String[] attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attrs.length; i += 2) {
            sb.append(' ').append(attrs[i]).append("=\"").append(esc(attrs[i + 1])).append('"');
        }
    }

    /** Opens a standalone {@code <svg>} root of the given size with a title and the chart font. */
    public static Svg document(double width, double height, String title) {
        Svg s = new Svg();
        s.sb.append("<svg xmlns=\"").append(NS).append("\" class=\"chart\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" font-family=\"").append(esc(FONT)).append("\" role=\"img\"")
                .append(" aria-label=\"").append(esc(title)).append("\">");
        s.sb.append("<title>").append(esc(title)).append("</title>");
        s.rect("background", 0, 0, width, height, "#ffffff", null);
        return s;
    }

    /** Closes the root opened by {@link #document} and returns the SVG text. */
    public String finish() {
        sb.append("</svg>");
        return sb.toString();
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
