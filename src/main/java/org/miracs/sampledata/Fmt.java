package org.miracs.sampledata;

/** Locale-independent, allocation-light number formatting (identical output on every JVM and locale). */
final class Fmt {
    private Fmt() {
    }

    private static final long[] POW10 = new long[19];
    private static final double[] DPOW10 = new double[23];

    static {
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
        double d = 1.0;
        for (int i = 0; i < DPOW10.length; i++) {
            DPOW10[i] = d; // exact up to 1e22
            d *= 10.0;
        }
    }

    /** Fixed number of decimals, e.g. 3.141593; NaN as "NaN"; never "-0.000000". */
    static void fixed(StringBuilder sb, double v, int decimals) {
        if (Double.isNaN(v)) {
            sb.append("NaN");
            return;
        }
        long scale = POW10[decimals];
        long m = Math.round(Math.abs(v) * scale);
        if (v < 0 && m != 0) {
            sb.append('-');
        }
        sb.append(m / scale);
        if (decimals > 0) {
            sb.append('.');
            long frac = m % scale;
            for (int d = decimals - 1; d >= 0; d--) {
                sb.append((char) ('0' + (frac / POW10[d]) % 10));
            }
        }
    }

    static String fixed(double v, int decimals) {
        StringBuilder sb = new StringBuilder(16);
        fixed(sb, v, decimals);
        return sb.toString();
    }

    private static double scaleBy(double a, int k) {
        if (k >= 0) {
            return k < DPOW10.length ? a * DPOW10[k] : a * StrictMath.pow(10, k);
        }
        return -k < DPOW10.length ? a / DPOW10[-k] : a / StrictMath.pow(10, -k);
    }

    /**
     * At most {@code sig} significant digits, trailing zeros stripped, e.g. 0.873456, -1.2, 12, 3.5e-06 (R-style
     * scientific notation below 1e-4 or from 1e7 on). NaN as "NaN".
     */
    static void sig(StringBuilder sb, double v, int sig) {
        if (Double.isNaN(v)) {
            sb.append("NaN");
            return;
        }
        if (v == 0.0) {
            sb.append('0');
            return;
        }
        double a = Math.abs(v);
        int e = (int) Math.floor(StrictMath.log10(a));
        long m = Math.round(scaleBy(a, sig - 1 - e));
        if (m >= POW10[sig]) {
            e++;
            m = Math.round(scaleBy(a, sig - 1 - e));
        } else if (m < POW10[sig - 1]) {
            e--;
            m = Math.round(scaleBy(a, sig - 1 - e));
        }
        if (m >= POW10[sig]) { // rounding carried over again (e.g. 9.9999996)
            m /= 10;
            e++;
        }
        char[] digits = Long.toString(m).toCharArray(); // exactly sig digits
        int last = digits.length - 1;
        while (last > 0 && digits[last] == '0') {
            last--;
        }
        if (v < 0) {
            sb.append('-');
        }
        if (e >= -4 && e < 7) {
            if (e >= 0) {
                for (int i = 0; i <= e; i++) {
                    sb.append(i < digits.length ? digits[i] : '0');
                }
                if (last > e) {
                    sb.append('.');
                    sb.append(digits, e + 1, last - e);
                }
            } else {
                sb.append("0.");
                for (int i = 0; i < -e - 1; i++) {
                    sb.append('0');
                }
                sb.append(digits, 0, last + 1);
            }
        } else {
            sb.append(digits[0]);
            if (last > 0) {
                sb.append('.');
                sb.append(digits, 1, last);
            }
            sb.append('e').append(e < 0 ? '-' : '+');
            int ae = Math.abs(e);
            if (ae < 10) {
                sb.append('0');
            }
            sb.append(ae);
        }
    }

    static String sig(double v, int sig) {
        StringBuilder sb = new StringBuilder(16);
        sig(sb, v, sig);
        return sb.toString();
    }
}
