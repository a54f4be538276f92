package org.miracs.interpret.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.miracs.interpret.ActivityScores;
import org.miracs.interpret.FeatureVector;
import org.miracs.interpret.Mlm;
import org.miracs.interpret.PriorNetwork;
import org.miracs.interpret.TopFeatures;
import org.miracs.interpret.Ulm;

/**
 * Pathway / TF activity of one factor's loadings in one view (no Spark; the stage runs it once per
 * (view, factor) task): the weights are mapped to gene symbols and collapsed to one value per gene
 * (min over a gene's features, {@link TopFeatures#geneLevel}: the authors' rule for proteins; for RNA the
 * mapping is one to one except for the rare symbol carried by two Entrez ids), then decoupler's ULM and
 * MLM over each network with {@code tmin}. A method that cannot run (too few genes, a rank-deficient MLM
 * design, no source with tmin targets) gives a note instead of rows.
 */
public final class LoadingActivity {

    /** One output row (schema {@code interpret/pathway_activity}). */
    public record Activity(String network, String view, int factor, String method, String source, double score,
                           double pValue, double pAdj) {
    }

    public record Result(List<Activity> rows, List<String> notes) {
    }

    private LoadingActivity() {}

    /**
     * The gene-level vector of a view's loadings. {@code symbols[i]} is feature i's gene symbol (null or
     * blank when unknown); an RNA feature without one falls back to the SYMBOL of its 'SYMBOL (ENTREZ)'
     * id; a view where no feature has a symbol is used by feature id.
     */
    public static FeatureVector geneVector(String name, String view, String[] features, String[] symbols,
                                           double[] values) {
        Map<String, String> toGene = new HashMap<>();
        for (int i = 0; i < features.length; i++) {
            String g = symbols[i];
            if ((g == null || g.isBlank()) && "rna".equals(view)) {
                g = symbolOfRnaId(features[i]);
            }
            if (g != null && !g.isBlank()) {
                toGene.put(features[i], g);
            }
        }
        FeatureVector raw = FeatureVector.of(name, features, values);
        return toGene.isEmpty() ? raw : TopFeatures.geneLevel(raw, toGene);
    }

    /** 'TP53 (7157)' -> 'TP53'; null when the id has no ' (' part. */
    static String symbolOfRnaId(String id) {
        int k = id.indexOf(" (");
        return k > 0 ? id.substring(0, k) : null;
    }

    /** ULM and MLM of {@code genes} over every network, BH per (network, method) (done by the core). */
    public static Result compute(String view, int factor, FeatureVector genes, List<NamedNetwork> networks, int tmin) {
        List<Activity> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Ulm ulm = Ulm.withTmin(tmin);
        Mlm mlm = Mlm.withTmin(tmin);
        for (NamedNetwork n : networks) {
            for (ActivityScores.Method m : ActivityScores.Method.values()) {
                String where = n.label() + " / " + view + " / factor " + factor + " / " + m.key();
                try {
                    ActivityScores s = m == ActivityScores.Method.ULM ? ulm.score(genes, n.network())
                            : mlm.score(genes, n.network());
                    if (s.size() == 0) {
                        notes.add(where + ": no source with >= " + tmin + " targets among the " + genes.size()
                                + " genes of the view");
                    }
                    for (int i = 0; i < s.size(); i++) {
                        rows.add(new Activity(n.label(), view, factor, m.key(), s.source(i), s.score(i), s.pValue(i),
                                s.pAdjusted(i)));
                    }
                } catch (IllegalArgumentException e) {
                    notes.add(where + ": skipped, " + e.getMessage());
                }
            }
        }
        return new Result(rows, notes);
    }

    /** A network with the label written in the {@code network} column. */
    public record NamedNetwork(String label, PriorNetwork network) {
    }
}
