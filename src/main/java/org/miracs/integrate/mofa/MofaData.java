package org.miracs.integrate.mofa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Multi-view, multi-group input of MOFA: one block of doubles per (view, group), each block stored
 * features x samples (row = feature, the layout of the manifest TSV files), {@code NaN} for missing values.
 * All groups of a view share the view's features; all views of a group share the group's samples
 * (a sample absent from a view is an all-NaN column). Immutable; blocks are copied on the way in.
 */
public final class MofaData {

    private final List<String> viewNames;
    private final List<String> groupNames;
    private final List<List<String>> featureNames;
    private final List<List<String>> sampleNames;
    private final List<Likelihood> likelihoods;
    private final double[][][] blocks;

    private MofaData(List<String> viewNames, List<String> groupNames, List<List<String>> featureNames,
                     List<List<String>> sampleNames, List<Likelihood> likelihoods, double[][][] blocks) {
        this.viewNames = viewNames;
        this.groupNames = groupNames;
        this.featureNames = featureNames;
        this.sampleNames = sampleNames;
        this.likelihoods = likelihoods;
        this.blocks = blocks;
    }

    /**
     * @param blocks {@code blocks[m][g]} of length {@code D_m * N_g}, feature-major
     *               ({@code blocks[m][g][d * N_g + n]}), NaN = missing
     */
    public static MofaData of(List<String> viewNames, List<String> groupNames, List<List<String>> featureNames,
                              List<List<String>> sampleNames, List<Likelihood> likelihoods, double[][][] blocks) {
        int M = viewNames.size();
        int G = groupNames.size();
        if (M == 0 || G == 0) throw new IllegalArgumentException("need at least one view and one group");
        if (featureNames.size() != M || likelihoods.size() != M || blocks.length != M)
            throw new IllegalArgumentException("per-view lists must have one entry per view");
        if (sampleNames.size() != G) throw new IllegalArgumentException("sampleNames must have one entry per group");
        unique(viewNames, "view");
        unique(groupNames, "group");
        Set<String> allSamples = new HashSet<>();
        for (List<String> s : sampleNames) for (String x : s)
            if (!allSamples.add(x)) throw new IllegalArgumentException("duplicated sample name " + x);
        Set<String> allFeatures = new HashSet<>();
        for (List<String> f : featureNames) for (String x : f)
            if (!allFeatures.add(x)) throw new IllegalArgumentException("duplicated feature name " + x);
        double[][][] copy = new double[M][G][];
        for (int m = 0; m < M; m++) {
            if (blocks[m].length != G) throw new IllegalArgumentException("view " + m + ": need one block per group");
            int D = featureNames.get(m).size();
            for (int g = 0; g < G; g++) {
                int N = sampleNames.get(g).size();
                if (blocks[m][g].length != D * N)
                    throw new IllegalArgumentException("block (" + viewNames.get(m) + ", " + groupNames.get(g)
                            + ") has " + blocks[m][g].length + " values, expected " + D + " x " + N);
                copy[m][g] = blocks[m][g].clone();
            }
        }
        return new MofaData(List.copyOf(viewNames), List.copyOf(groupNames), deepCopy(featureNames),
                deepCopy(sampleNames), List.copyOf(likelihoods), copy);
    }

    /** All views Gaussian. */
    public static MofaData gaussian(List<String> viewNames, List<String> groupNames, List<List<String>> featureNames,
                                    List<List<String>> sampleNames, double[][][] blocks) {
        return of(viewNames, groupNames, featureNames, sampleNames,
                Collections.nCopies(viewNames.size(), Likelihood.GAUSSIAN), blocks);
    }

    private static void unique(List<String> names, String what) {
        if (new HashSet<>(names).size() != names.size())
            throw new IllegalArgumentException("duplicated " + what + " names: " + names);
    }

    private static List<List<String>> deepCopy(List<List<String>> x) {
        List<List<String>> out = new ArrayList<>(x.size());
        for (List<String> l : x) out.add(List.copyOf(Objects.requireNonNull(l)));
        return List.copyOf(out);
    }

    public int numViews() { return viewNames.size(); }

    public int numGroups() { return groupNames.size(); }

    public int numFeatures(int view) { return featureNames.get(view).size(); }

    public int numSamples(int group) { return sampleNames.get(group).size(); }

    public int totalSamples() {
        int n = 0;
        for (List<String> s : sampleNames) n += s.size();
        return n;
    }

    public List<String> viewNames() { return viewNames; }

    public List<String> groupNames() { return groupNames; }

    public List<String> featureNames(int view) { return featureNames.get(view); }

    public List<String> sampleNames(int group) { return sampleNames.get(group); }

    public Likelihood likelihood(int view) { return likelihoods.get(view); }

    public List<Likelihood> likelihoods() { return likelihoods; }

    /** Value of feature {@code d} of view {@code m} in sample {@code n} of group {@code g} (NaN = missing). */
    public double value(int m, int g, int d, int n) {
        return blocks[m][g][d * numSamples(g) + n];
    }

    /** A copy of block (m, g), features x samples. */
    public double[] copyBlock(int m, int g) {
        return blocks[m][g].clone();
    }

    /** The block itself, for package code that promises not to modify it. */
    double[] block(int m, int g) {
        return blocks[m][g];
    }
}
