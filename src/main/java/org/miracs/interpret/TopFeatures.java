package org.miracs.interpret;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.miracs.enrich.gsea.SetCollection;

/**
 * Top loadings of a factor and the protein-to-gene collapse the MIRACS authors used before
 * pathway / TF activity of protein loadings. Immutable and thread-safe.
 *
 * <p>{@link #select} ranks a factor's weight vector by |weight|, largest first (ties by feature id
 * in code-point order, so the result is deterministic) and keeps the first {@code n}, each with its
 * signed weight. {@link #geneLevel} maps protein ids to gene symbols and collapses a gene measured
 * by several proteins to the <em>minimum</em> of their (signed) weights, as the authors did
 * ({@code W.groupby(gene).min()}; note min() of signed weights favours the most negative protein,
 * it is not min |w|); proteins without a symbol are dropped, as pandas drops NaN group keys.
 */
public final class TopFeatures {

    /** One selected feature: rank from 1, feature id, display label (gene symbol or the id), signed weight. */
    public record Entry(int rank, String feature, String label, double weight) {
        /** +1 or -1 (0 for a zero weight). */
        public int sign() {
            return (int) Math.signum(weight);
        }
    }

    private final int n;

    private TopFeatures(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("top-N needs N >= 1, got " + n);
        }
        this.n = n;
    }

    public static TopFeatures of(int n) {
        return new TopFeatures(n);
    }

    public int n() {
        return n;
    }

    /** The top {@code n} features by |weight|, labelled by their own id. */
    public List<Entry> select(FeatureVector weights) {
        return select(weights, Map.of());
    }

    /**
     * The top {@code n} features by |weight|; {@code labels} maps a feature id to a display label
     * (e.g. Protein_Id to Gene_Symbol); a feature without a (non-blank) label is labelled by its id.
     */
    public List<Entry> select(FeatureVector weights, Map<String, String> labels) {
        int size = weights.size();
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Comparator<Integer> byAbs = (a, b) -> Double.compare(Math.abs(weights.value(b)), Math.abs(weights.value(a)));
        java.util.Arrays.sort(order, byAbs.thenComparing(i -> weights.feature(i), SetCollection.CODE_POINT_ORDER));
        int k = Math.min(n, size);
        List<Entry> out = new ArrayList<>(k);
        for (int r = 0; r < k; r++) {
            int i = order[r];
            String id = weights.feature(i);
            String label = labels.get(id);
            out.add(new Entry(r + 1, id, label == null || label.isBlank() ? id : label, weights.value(i)));
        }
        return out;
    }

    /**
     * The gene-level vector used for ULM/MLM of protein loadings: each protein's weight goes to its
     * gene symbol, genes with several proteins get the minimum weight, proteins with no (or a
     * blank) symbol are dropped. Genes come out in code-point order (pandas' sorted groupby);
     * the vector keeps the name of the input.
     */
    public static FeatureVector geneLevel(FeatureVector proteinWeights, Map<String, String> proteinToGene) {
        TreeMap<String, Double> min = new TreeMap<>(SetCollection.CODE_POINT_ORDER);
        for (int i = 0; i < proteinWeights.size(); i++) {
            String gene = proteinToGene.get(proteinWeights.feature(i));
            if (gene == null || gene.isBlank()) {
                continue;
            }
            min.merge(gene.trim(), proteinWeights.value(i), Math::min);
        }
        String[] genes = min.keySet().toArray(new String[0]);
        double[] v = new double[genes.length];
        int j = 0;
        for (double d : min.values()) {
            v[j++] = d;
        }
        return FeatureVector.of(proteinWeights.name(), genes, v);
    }
}
