package org.miracs.report.svg;

import java.util.ArrayList;
import java.util.List;

/** Maps a numeric domain linearly onto a pixel range, with "nice" tick values. */
public record LinearScale(double d0, double d1, double r0, double r1) {

    public LinearScale {
        if (!(d1 > d0)) { // degenerate or empty domain: widen it so everything still maps
            double c = Double.isFinite(d0) ? d0 : 0;
            d0 = c - 1;
            d1 = c + 1;
        }
    }

    public double map(double v) {
        return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
    }

    /** A domain covering {@code [min, max]} extended to nice tick boundaries. */
    public static LinearScale nice(double min, double max, double r0, double r1, int ticks) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            min = 0;
            max = 1;
        }
        if (max <= min) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = step(min, max, ticks);
        return new LinearScale(Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step, r0, r1);
    }

    public List<Double> ticks(int count) {
        double step = step(d0, d1, count);
        List<Double> out = new ArrayList<>();
        double start = Math.ceil(d0 / step - 1e-9) * step;
        for (double v = start; v <= d1 + step * 1e-9; v += step) {
            out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return out;
    }

    static double step(double min, double max, int count) {
        double raw = (max - min) / Math.max(1, count);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * mag;
    }

    /** Tick label: as few decimals as the tick step needs. */
    public static String label(double v, double step) {
        int decimals = 0;
        while (decimals < 6 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-9) {
            decimals++;
        }
        return noNegativeZero(String.format(java.util.Locale.ROOT, "%." + decimals + "f", v));
    }

    /** "-0.0" and the like become "0.0". */
    public static String noNegativeZero(String s) {
        return s.startsWith("-") && s.matches("-0*\\.?0*") ? s.substring(1) : s;
    }
}
