package org.miracs.interpret.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.miracs.pipeline.ArtifactKey;
import org.miracs.schema.Tables;

/**
 * What phase 4's interpretation stage hands to the report: the selection it followed up and its
 * tables as written ({@link Tables#TOP_FEATURES}, {@link Tables#PATHWAY_ACTIVITY}, {@link Tables#FOREST},
 * {@link Tables#SENSITIVITY_LINES}, {@link Tables#SENSITIVITY_TESTS}; the last three are empty when the
 * selection was skipped). The same selection is in run.json under {@code interpretation}.
 */
public record Interpretation(Selection selection, Dataset<Row> topFeatures, Dataset<Row> pathwayActivity,
                             Dataset<Row> forest, Dataset<Row> sensitivityLines, Dataset<Row> sensitivityTests) {

    public static final ArtifactKey<Interpretation> KEY = ArtifactKey.of("interpretation", Interpretation.class);

    /**
     * The followed-up (factor, MoA, compound). Any part may be null when it could not be resolved (e.g.
     * an empty cross-lineage table); {@code direction}, {@code nLineages} and {@code lineages} describe
     * the chosen cross-lineage association (null / empty without one); {@code *Source} is "auto" or
     * "config"; the AUC thresholds are the pan-cancer percentiles of the compound (NaN without one);
     * {@code notes} say what was skipped and why.
     */
    public record Selection(Integer factor, String moa, String direction, Integer nLineages, List<String> lineages,
                            String broadId, String drugName, String factorSource, String moaSource,
                            String drugSource, double lowerAucThreshold, double upperAucThreshold,
                            List<String> notes) {
        public Selection {
            lineages = lineages == null ? List.of() : List.copyOf(lineages);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        /** For run.json. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("factor", factor);
            m.put("factor_source", factorSource);
            m.put("moa", moa);
            m.put("moa_source", moaSource);
            m.put("direction", direction);
            m.put("n_lineages", nLineages);
            m.put("lineages", lineages);
            m.put("broad_id", broadId);
            m.put("drug_name", drugName);
            m.put("drug_source", drugSource);
            m.put("auc_lower_threshold", Double.isNaN(lowerAucThreshold) ? null : lowerAucThreshold);
            m.put("auc_upper_threshold", Double.isNaN(upperAucThreshold) ? null : upperAucThreshold);
            m.put("notes", notes);
            return m;
        }
    }
}
