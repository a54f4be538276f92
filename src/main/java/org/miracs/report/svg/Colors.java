package org.miracs.report.svg;

import java.util.Locale;

/** Colour scales and the categorical palette of the report (colour-blind safe: Okabe-Ito, viridis-like). */
public final class Colors {
    private Colors() {}

    /** Okabe-Ito categorical colours, then a few more distinct ones. */
    public static final String[] CATEGORICAL = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#000000", "#7F7F7F", "#8C564B", "#17BECF", "#BCBD22"};

    public static final String POSITIVE = "#B2182B";
    public static final String NEGATIVE = "#2166AC";
    public static final String NEUTRAL = "#9E9E9E";
    public static final String AXIS = "#444444";
    public static final String GRID = "#E6E6E6";
    public static final String MISSING = "#F2F2F2";
    public static final String HIGHLIGHT = "#D55E00";

    public static String categorical(int i) {
        return CATEGORICAL[Math.floorMod(i, CATEGORICAL.length)];
    }

    private static final double[][] SEQUENTIAL = { // white to dark blue-purple (light for 0, dark for max)
            {255, 255, 255}, {222, 235, 247}, {158, 202, 225}, {66, 146, 198}, {8, 81, 156}, {8, 48, 107}};

    /** Sequential colour of {@code t} in [0, 1]. */
    public static String sequential(double t) {
        return ramp(SEQUENTIAL, t);
    }

    /** Diverging colour of {@code t} in [-1, 1]: blue, white at 0, red. */
    public static String diverging(double t) {
        double[][] stops = {{33, 102, 172}, {146, 197, 222}, {247, 247, 247}, {244, 165, 130}, {178, 24, 43}};
        return ramp(stops, (t + 1) / 2);
    }

    private static String ramp(double[][] stops, double t) {
        if (!Double.isFinite(t)) {
            return MISSING;
        }
        t = Math.max(0, Math.min(1, t));
        double pos = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(pos));
        double f = pos - i;
        int r = (int) Math.round(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
        int g = (int) Math.round(stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
        int b = (int) Math.round(stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
        return String.format(Locale.ROOT, "#%02X%02X%02X", r, g, b);
    }

    /** Black or white, whichever reads better on {@code hex}. */
    public static String textOn(String hex) {
        int r = Integer.parseInt(hex.substring(1, 3), 16);
        int g = Integer.parseInt(hex.substring(3, 5), 16);
        int b = Integer.parseInt(hex.substring(5, 7), 16);
        return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? "#111111" : "#FFFFFF";
    }
}
