package org.miracs.interpret;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One named score vector over the features of a view, e.g. a factor's weights over every gene of
 * the RNA view. Feature ids are unique; values are finite. Immutable.
 */
public final class FeatureVector {

    private final String name;
    private final String[] features;
    private final double[] values;

    private FeatureVector(String name, String[] features, double[] values) {
        this.name = name;
        this.features = features;
        this.values = values;
    }

    /**
     * @param name     the vector's name (the sample column of decoupler's output, e.g. "Factor12")
     * @param features feature ids, unique
     * @param values   one finite value per feature
     */
    public static FeatureVector of(String name, String[] features, double[] values) {
        if (name == null) {
            throw new IllegalArgumentException("a feature vector needs a name");
        }
        if (features.length != values.length) {
            throw new IllegalArgumentException(name + ": " + features.length + " features but "
                + values.length + " values");
        }
        Map<String, Integer> seen = new HashMap<>(features.length * 2);
        for (int i = 0; i < features.length; i++) {
            if (features[i] == null) {
                throw new IllegalArgumentException(name + ": feature " + i + " has no id");
            }
            Integer first = seen.put(features[i], i);
            if (first != null) {
                throw new IllegalArgumentException(name + ": feature " + features[i] + " appears twice (positions "
                    + first + " and " + i + ")");
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + ": feature " + features[i] + " has non-finite value "
                    + values[i]);
            }
        }
        return new FeatureVector(name, features.clone(), values.clone());
    }

    public static FeatureVector of(String name, List<String> features, double[] values) {
        return of(name, features.toArray(new String[0]), values);
    }

    public String name() {
        return name;
    }

    public int size() {
        return features.length;
    }

    public String feature(int i) {
        return features[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** A copy of the feature ids. */
    public String[] features() {
        return features.clone();
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    @Override
    public String toString() {
        return "FeatureVector[" + name + ", " + features.length + " features"
            + (features.length > 0 ? ", first " + features[0] + "=" + values[0] : "") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector v && v.name.equals(name) && Arrays.equals(v.features, features)
            && Arrays.equals(v.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(features);
    }
}
