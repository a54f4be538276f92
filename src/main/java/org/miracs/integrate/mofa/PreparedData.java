package org.miracs.integrate.mofa;

/**
 * The training matrices after mofapy2's {@code process_data}: per view one feature-major matrix over all
 * stacked samples ({@code y[m][d * N + n]}), groups centred (Gaussian views) and optionally scaled, NaN for
 * missing values. Also keeps the intercepts (raw per-group feature means) and the view scale factors.
 */
public final class PreparedData {
    final MofaData source;
    final SampleLayout layout;
    final double[][] y;
    final double[][][] intercepts;
    final double[] viewScale;

    private PreparedData(MofaData source, SampleLayout layout, double[][] y, double[][][] intercepts,
                         double[] viewScale) {
        this.source = source;
        this.layout = layout;
        this.y = y;
        this.intercepts = intercepts;
        this.viewScale = viewScale;
    }

    /**
     * Stacks the groups and applies mofapy2's preprocessing: for Gaussian views, per group subtract the
     * per-feature nanmean ({@code center_groups}), then divide the whole view by its nanstd
     * ({@code scale_views}, population sd over all observed entries).
     */
    public static PreparedData prepare(MofaData data, MofaOptions options) {
        int M = data.numViews(), G = data.numGroups();
        int[] sizes = new int[G];
        for (int g = 0; g < G; g++) sizes[g] = data.numSamples(g);
        SampleLayout layout = new SampleLayout(sizes);
        int N = layout.numSamples();
        double[][] y = new double[M][];
        double[][][] intercepts = new double[M][G][];
        double[] scale = new double[M];
        for (int m = 0; m < M; m++) {
            int D = data.numFeatures(m);
            double[] ym = new double[D * N];
            for (int g = 0; g < G; g++) {
                double[] b = data.block(m, g);
                int Ng = sizes[g], s0 = layout.start(g);
                double[] icpt = new double[D];
                for (int d = 0; d < D; d++) {
                    double sum = 0;
                    int cnt = 0;
                    for (int n = 0; n < Ng; n++) {
                        double v = b[d * Ng + n];
                        if (!Double.isNaN(v)) {
                            sum += v;
                            cnt++;
                        }
                    }
                    icpt[d] = cnt > 0 ? sum / cnt : Double.NaN;
                    boolean centre = options.centerGroups() && data.likelihood(m).isCentred();
                    for (int n = 0; n < Ng; n++) {
                        double v = b[d * Ng + n];
                        ym[d * N + s0 + n] = centre ? v - icpt[d] : v;
                    }
                }
                intercepts[m][g] = icpt;
            }
            scale[m] = 1.0;
            if (options.scaleViews() && data.likelihood(m).isCentred()) {
                double sum = 0;
                long cnt = 0;
                for (double v : ym) if (!Double.isNaN(v)) { sum += v; cnt++; }
                double mean = sum / cnt, ss = 0;
                for (double v : ym) if (!Double.isNaN(v)) ss += (v - mean) * (v - mean);
                double sd = Math.sqrt(ss / cnt);
                scale[m] = sd;
                for (int i = 0; i < ym.length; i++) ym[i] /= sd;
            }
            y[m] = ym;
        }
        return new PreparedData(data, layout, y, intercepts, scale);
    }

    public MofaData source() { return source; }

    public SampleLayout layout() { return layout; }

    public int numViews() { return y.length; }

    public int numFeatures(int m) { return y[m].length / layout.numSamples(); }

    /** Centred (scaled) value, NaN = missing. */
    public double value(int m, int d, int n) { return y[m][d * layout.numSamples() + n]; }

    /** Raw per-group feature means of view m, group g (mofapy2 intercepts). */
    public double[] intercepts(int m, int g) { return intercepts[m][g].clone(); }

    /** Divisor applied by scale_views (1 when off). */
    public double viewScale(int m) { return viewScale[m]; }
}
