package org.miracs.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole typed configuration of a run, one record per argument group. Built and validated once
 * from {@link Settings}; every record is immutable and serializable so stages can ship it to executors.
 */
public record MiracsConfig(
        Inputs inputs,
        Expression expression,
        Proteomics proteomics,
        Prism prism,
        Harmonise harmonise,
        Mofa mofa,
        Correlation correlation,
        Enrichment enrichment,
        CrossLineage crossLineage,
        Interpret interpret,
        Map<String, String> effectiveSettings) implements Serializable {

    /** File names inside the data directory; {@code auto} picks the first real public name present. */
    public record Inputs(String expression, String models, String proteomics, String prism) implements Serializable {}

    public record Expression(boolean defaultEntriesOnly) implements Serializable {}

    public enum DuplicatePlexRule { MOST_OBSERVED, MEAN, FIRST_PLEX, LAST_PLEX }

    public record Proteomics(double minObservedFraction, Map<String, String> preferredPlexes,
                             DuplicatePlexRule duplicatePlexRule) implements Serializable {}

    public enum ScreenSelection { PER_PAIR, PER_COMPOUND }

    public record Prism(List<String> screenPriority, ScreenSelection screenSelection,
                        boolean requireStrPassed) implements Serializable {}

    public enum SampleRule { BOTH, UNION }

    public record Harmonise(SampleRule samples, int minLinesPerLineage, String unassignedLineage)
            implements Serializable {}

    public enum Convergence { FAST, MEDIUM, SLOW }

    /**
     * Where MOFA trains: {@code LOCAL} = the driver JVM (threads), {@code SPARK} = feature blocks on the
     * executors, {@code AUTO} = local when the Spark master is {@code local[...]}, Spark otherwise.
     */
    public enum MofaEngine { AUTO, LOCAL, SPARK }

    /** {@code dropR2} is NaN when factors are never dropped. */
    public record Mofa(int factors, long seed, Convergence convergence, int maxIterations, boolean scaleViews,
                       boolean spikeSlabWeights, boolean ardWeights, boolean ardFactors, double dropR2,
                       MofaEngine engine)
            implements Serializable {}

    public record Correlation(int minLineageLines, int minLines, int minDistinctAuc) implements Serializable {}

    public enum EnrichmentMode { FAST, EXACT }

    public record Enrichment(int permutations, int minSetSize, EnrichmentMode mode, long seed,
                             boolean plusOnePvalue) implements Serializable {}

    public enum CrossLineageRule { THRESHOLD, PERCENTILE }

    public record CrossLineage(CrossLineageRule rule, double padjThreshold, double minAbsNes,
                               double upperPercentile, double lowerPercentile) implements Serializable {}

    /**
     * Which cross-lineage associations {@code interpret.factor/moa = auto} prefers: {@code RESISTANCE}
     * (default: MIRACS follows up resistance programs; sensitivity ones only when there is no resistance
     * association), {@code SENSITIVITY} (the reverse) or {@code ANY} (the strongest whatever its direction).
     */
    public enum InterpretDirection { RESISTANCE, SENSITIVITY, ANY }

    public record Interpret(int topFeatures, String pathwayNetwork, String tfNetwork, int minTargets,
                            String factor, String moa, String drug, InterpretDirection direction,
                            double sensitivePercentile, double resistantPercentile, int minLinesPerGroup)
            implements Serializable {}

    /** Reads and validates every parameter; fails with a message naming the key and what was expected. */
    public static MiracsConfig from(Settings s) {
        Inputs inputs = new Inputs(s.string("input.expression"), s.string("input.models"),
                s.string("input.proteomics"), s.string("input.prism"));
        Expression expression = new Expression(s.bool("expression.default_entries_only"));
        Proteomics proteomics = new Proteomics(
                s.real("proteomics.min_observed_fraction", 0.0, 1.0),
                s.parsed("proteomics.preferred_plexes", "LINE:TenPxNN,LINE:TenPxNN,...",
                        MiracsConfig::parsePlexPreferences),
                s.choice("proteomics.duplicate_plex_rule", DuplicatePlexRule.class));
        List<String> priority = s.list("prism.screen_priority");
        if (priority.isEmpty() || priority.stream().distinct().count() != priority.size()) {
            throw s.invalid("prism.screen_priority", String.join(",", priority), "a non-empty list of distinct screen ids");
        }
        Prism prism = new Prism(List.copyOf(priority), s.choice("prism.screen_selection", ScreenSelection.class),
                s.bool("prism.require_str_passed"));
        Harmonise harmonise = new Harmonise(s.choice("harmonise.samples", SampleRule.class),
                s.integer("harmonise.min_lines_per_lineage", 1, 1_000_000), s.string("harmonise.unassigned_lineage"));
        Mofa mofa = new Mofa(s.integer("mofa.factors", 1, 1000), s.longValue("mofa.seed"),
                s.choice("mofa.convergence", Convergence.class), s.integer("mofa.max_iterations", 1, 1_000_000),
                s.bool("mofa.scale_views"), s.bool("mofa.spikeslab_weights"), s.bool("mofa.ard_weights"),
                s.bool("mofa.ard_factors"), s.optionalReal("mofa.drop_r2", 0.0, 1.0),
                s.choice("mofa.engine", MofaEngine.class));
        Correlation correlation = new Correlation(s.integer("correlation.min_lineage_lines", 3, 1_000_000),
                s.integer("correlation.min_lines", 3, 1_000_000), s.integer("correlation.min_distinct_auc", 2, 1_000_000));
        Enrichment enrichment = new Enrichment(s.integer("enrichment.permutations", 0, 100_000_000),
                s.integer("enrichment.min_set_size", 1, 1_000_000), s.choice("enrichment.mode", EnrichmentMode.class),
                s.longValue("enrichment.seed"), s.bool("enrichment.plus_one_pvalue"));
        CrossLineage crossLineage = new CrossLineage(s.choice("cross_lineage.rule", CrossLineageRule.class),
                s.real("cross_lineage.padj_threshold", 0.0, 1.0), s.real("cross_lineage.min_abs_nes", 0.0, 1e9),
                s.real("cross_lineage.upper_percentile", 0.0, 100.0), s.real("cross_lineage.lower_percentile", 0.0, 100.0));
        if (crossLineage.lowerPercentile() >= crossLineage.upperPercentile()) {
            throw s.invalid("cross_lineage.lower_percentile", Double.toString(crossLineage.lowerPercentile()),
                    "a percentile below cross_lineage.upper_percentile");
        }
        Interpret interpret = new Interpret(s.integer("interpret.top_features", 1, 1_000_000),
                s.string("interpret.pathway_network"), s.string("interpret.tf_network"),
                s.integer("interpret.min_targets", 1, 1_000_000), s.string("interpret.factor"),
                s.string("interpret.moa"), s.string("interpret.drug"),
                s.choice("interpret.direction", InterpretDirection.class),
                s.real("interpret.sensitive_percentile", 0.0, 100.0), s.real("interpret.resistant_percentile", 0.0, 100.0),
                s.integer("interpret.min_lines_per_group", 3, 1_000_000));
        if (interpret.sensitivePercentile() >= interpret.resistantPercentile()) {
            throw s.invalid("interpret.sensitive_percentile", Double.toString(interpret.sensitivePercentile()),
                    "a percentile below interpret.resistant_percentile");
        }
        s.requireAllRead();
        return new MiracsConfig(inputs, expression, proteomics, prism, harmonise, mofa, correlation, enrichment,
                crossLineage, interpret, Map.copyOf(s.asMap()));
    }

    static Map<String, String> parsePlexPreferences(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":");
            if (parts.length != 2 || parts[0].isBlank() || !parts[1].trim().matches("TenPx\\d+")) {
                throw new IllegalArgumentException("bad entry '" + entry.trim() + "'");
            }
            if (out.put(parts[0].trim(), parts[1].trim()) != null) {
                throw new IllegalArgumentException("line '" + parts[0].trim() + "' listed twice");
            }
        }
        return Map.copyOf(out);
    }
}
