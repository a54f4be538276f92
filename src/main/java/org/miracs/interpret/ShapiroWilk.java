package org.miracs.interpret;

import java.util.Arrays;

/**
 * Shapiro-Wilk W test of normality with Royston's approximation (Algorithm AS R94, Royston 1995,
 * Applied Statistics 44(4):547-551), as {@code scipy.stats.shapiro}: the data are sorted and
 * shifted by {@code x[n/2]} (of the input order, as scipy does), the coefficients come from AS 111's
 * normal quantiles ({@code PPND}) corrected by Royston's polynomials, the p-value from Royston's
 * normalising transformation (exact for n = 3) and AS 66's normal tail ({@code ALNORM}).
 *
 * <p>This is a double-precision port of the algorithm as scipy >= 1.12 runs it (its Cython
 * translation of swilk.f). scipy 1.11 (the authors' version) ran the original single-precision
 * Fortran, so W and p there differ from these by up to ~1e-6 relative; the approximation itself is
 * accurate to about 2-3 decimals of p against the true null distribution (Royston 1995), and the p
 * of n > 5000 is unreliable (scipy warns). n must be >= 3; zero-range data give W = 1, p = 1 as scipy.
 */
public final class ShapiroWilk {

    /** W and its p-value. */
    public record Result(double w, double pValue) {
    }

    private static final double[] C1 = {0., 0.221157, -0.147981, -0.207119e1, 0.4434685e1, -0.2706056e1};
    private static final double[] C2 = {0., 0.42981e-1, -0.293762, -0.1752461e1, 0.5682633e1, -0.3582633e1};
    private static final double[] C3 = {0.5440, -0.39978, 0.25054e-1, -0.6714e-3};
    private static final double[] C4 = {0.13822e1, -0.77857, 0.62767e-1, -0.20322e-2};
    private static final double[] C5 = {-0.15861e1, -0.31082, -0.83751e-1, 0.38915e-2};
    private static final double[] C6 = {-0.4803, -0.82676e-1, 0.30302e-2};
    private static final double[] G = {-0.2273e1, 0.459};
    private static final double SMALL = 1e-19;

    private ShapiroWilk() {
    }

    public static Result test(double[] x) {
        int n = x.length;
        if (n < 3) {
            throw new IllegalArgumentException("Shapiro-Wilk needs at least 3 values, got " + n);
        }
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Shapiro-Wilk of non-finite value " + v);
            }
        }
        double[] y = x.clone();
        Arrays.sort(y);
        double shift = x[n / 2];
        for (int i = 0; i < n; i++) {
            y[i] -= shift;
        }
        return swilk(y);
    }

    /** AS R94 on sorted data (no censoring). */
    private static Result swilk(double[] x) {
        int n = x.length;
        int nn2 = n / 2;
        double[] a = new double[nn2];
        double an = n;
        if (n == 3) {
            a[0] = Math.sqrt(0.5);
        } else {
            double an25 = an + 0.25;
            double summ2 = 0;
            for (int i = 0; i < nn2; i++) {
                a[i] = ppnd((i + 1 - 0.375) / an25);
                summ2 += a[i] * a[i];
            }
            summ2 *= 2;
            double ssumm2 = Math.sqrt(summ2);
            double rsn = 1 / Math.sqrt(an);
            double a1 = poly(C1, 6, rsn) - a[0] / ssumm2;
            int i1;
            double fac;
            if (n > 5) {
                i1 = 2;
                double a2 = -a[1] / ssumm2 + poly(C2, 6, rsn);
                fac = Math.sqrt((summ2 - 2 * a[0] * a[0] - 2 * a[1] * a[1]) / (1 - 2 * a1 * a1 - 2 * a2 * a2));
                a[1] = a2;
            } else {
                i1 = 1;
                fac = Math.sqrt((summ2 - 2 * a[0] * a[0]) / (1 - 2 * a1 * a1));
            }
            a[0] = a1;
            for (int i = i1; i < nn2; i++) {
                a[i] *= -1. / fac;
            }
        }
        double range = x[n - 1] - x[0];
        if (range < SMALL) {
            return new Result(1.0, 1.0);
        }
        double sa = -a[0];
        double sx = x[0] / range;
        int ind2 = n - 2;
        for (int i = 1; i < n; i++) {
            sx += x[i] / range;
            if (i != ind2) {
                sa += (i < ind2 ? -1 : 1) * a[Math.min(i, ind2)];
            }
            ind2--;
        }
        sa /= n;
        sx /= n;
        double ssa = 0;
        double ssx = 0;
        double sax = 0;
        ind2 = n - 1;
        for (int i = 0; i < n; i++) {
            double asa = i != ind2 ? (i < ind2 ? -1 : 1) * a[Math.min(i, ind2)] - sa : -sa;
            double xsx = x[i] / range - sx;
            ssa += asa * asa;
            ssx += xsx * xsx;
            sax += asa * xsx;
            ind2--;
        }
        double ssassx = Math.sqrt(ssa * ssx);
        double w1 = (ssassx - sax) * (ssassx + sax) / (ssa * ssx);
        double w = 1 - w1;
        if (n == 3) {
            if (w < 0.75) {
                return new Result(0.75, 0.0);
            }
            return new Result(w, 1. - 6 / Math.PI * Math.acos(Math.sqrt(w)));
        }
        double yy = Math.log(w1);
        double xx = Math.log(an);
        double m;
        double s;
        if (n <= 11) {
            double gamma = poly(G, 2, an);
            if (yy >= gamma) {
                return new Result(w, SMALL);
            }
            yy = -Math.log(gamma - yy);
            m = poly(C3, 4, an);
            s = Math.exp(poly(C4, 4, an));
        } else {
            m = poly(C5, 4, xx);
            s = Math.exp(poly(C6, 3, xx));
        }
        return new Result(w, alnorm((yy - m) / s, true));
    }

    /** AS 66: normal tail area above x (upper) or below. */
    static double alnorm(double x, boolean upper) {
        final double ltone = 7.;
        final double utzero = 38.;
        final double con = 1.28;
        double z = x;
        if (!(z > 0)) {
            upper = !upper;
            z = -z;
        }
        if (!(z <= ltone || upper && z <= utzero)) {
            return upper ? 0. : 1.;
        }
        double y = 0.5 * z * z;
        double temp;
        if (z <= con) {
            temp = 0.5 - z * (0.398942280444 - 0.399903438504 * y
                / (y + 5.75885480458 - 29.8213557808 / (y + 2.62433121679 + 48.6959930692 / (y + 5.92885724438))));
        } else {
            temp = 0.398942280385 * Math.exp(-y) / (z - 3.8052e-8 + 1.00000615302 / (z + 3.98064794e-4
                + 1.98615381364 / (z - 0.151679116635 + 5.29330324926 / (z + 4.8385912808 - 15.1508972451
                / (z + 0.742380924027 + 30.789933034 / (z + 3.99019417011))))));
        }
        return upper ? temp : 1 - temp;
    }

    /** AS 111 (PPND): normal quantile, about 7 significant digits, as swilk uses it. */
    static double ppnd(double p) {
        double q = p - 0.5;
        if (Math.abs(q) <= 0.42) {
            double r = q * q;
            return q * (((-25.44106049637 * r + 41.39119773534) * r + -18.61500062529) * r + 2.50662823884)
                / ((((3.13082909833 * r + -21.06224101826) * r + 23.08336743743) * r + -8.47351093090) * r + 1.);
        }
        double r = q > 0 ? 1 - p : p;
        if (!(r > 0)) {
            return 0.;
        }
        r = Math.sqrt(-Math.log(r));
        double temp = (((2.32121276858 * r + 4.85014127135) * r + -2.29796479134) * r + -2.78718931138)
            / ((1.63706781897 * r + 3.54388924762) * r + 1.);
        return q < 0 ? -temp : temp;
    }

    /** swilk's POLY: c[0] + c[1] x + ... + c[nord-1] x^(nord-1), in its Horner order. */
    static double poly(double[] c, int nord, double x) {
        double res = c[0];
        if (nord == 1) {
            return res;
        }
        double p = x * c[nord - 1];
        if (nord == 2) {
            return res + p;
        }
        for (int i = nord - 2; i > 0; i--) {
            p = (p + c[i]) * x;
        }
        return res + p;
    }
}
