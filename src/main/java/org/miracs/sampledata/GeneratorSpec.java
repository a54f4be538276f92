package org.miracs.sampledata;

import java.util.Objects;

/**
 * What to generate. Same spec (scale parameters + seed + layout) gives byte-identical files.
 *
 * @param scale  preset the parameters come from (informational when {@code params} is customised)
 * @param params all sizes
 * @param seed   master seed
 * @param layout expression file layout
 */
public record GeneratorSpec(Scale scale, ScaleParams params, long seed, ExpressionLayout layout) {

    public static final long DEFAULT_SEED = 20250101L;

    public GeneratorSpec {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(layout, "layout");
    }

    public static GeneratorSpec of(Scale scale, long seed, ExpressionLayout layout) {
        return new GeneratorSpec(scale, scale.params(), seed, layout);
    }

    public static GeneratorSpec of(Scale scale) {
        return of(scale, DEFAULT_SEED, ExpressionLayout.LEGACY);
    }
}
