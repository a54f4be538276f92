package org.miracs.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.miracs.config.MiracsConfig;

/**
 * Which lines become MOFA samples and in which group: lines with both omics (or either), grouped by
 * OncotreeLineage ('/' and ' ' replaced by '_', as the authors named their groups; no lineage ->
 * the unassigned group), lineages with too few lines dropped. Pure: no Spark.
 */
public final class SampleSelection {
    /** A selected line. */
    public record Sample(String modelId, String ccleName, String lineage, String lineageName, boolean hasRna,
                         boolean hasProtein) implements java.io.Serializable {}

    private final List<Sample> samples;
    private final Map<String, Integer> droppedLineages;
    private final int candidates;

    private SampleSelection(List<Sample> samples, Map<String, Integer> droppedLineages, int candidates) {
        this.samples = samples;
        this.droppedLineages = droppedLineages;
        this.candidates = candidates;
    }

    public static SampleSelection select(Set<String> rnaModels, Set<String> proteinModels, ModelTable models,
                                         MiracsConfig.Harmonise config) {
        Set<String> candidates = new LinkedHashSet<>();
        if (config.samples() == MiracsConfig.SampleRule.BOTH) {
            rnaModels.stream().filter(proteinModels::contains).forEach(candidates::add);
        } else {
            candidates.addAll(rnaModels);
            candidates.addAll(proteinModels);
        }
        Map<String, List<Sample>> byLineage = new TreeMap<>();
        for (String id : candidates) {
            ModelRecord m = models.get(id);
            String name = m == null || m.lineageName() == null ? config.unassignedLineage() : m.lineageName();
            Sample s = new Sample(id, m == null ? null : m.ccleName(), groupName(name), name, rnaModels.contains(id),
                    proteinModels.contains(id));
            byLineage.computeIfAbsent(s.lineage(), k -> new ArrayList<>()).add(s);
        }
        List<Sample> kept = new ArrayList<>();
        Map<String, Integer> dropped = new TreeMap<>();
        for (Map.Entry<String, List<Sample>> e : byLineage.entrySet()) {
            if (e.getValue().size() >= config.minLinesPerLineage()) {
                kept.addAll(e.getValue());
            } else {
                dropped.put(e.getKey(), e.getValue().size());
            }
        }
        kept.sort(Comparator.comparing(Sample::lineage).thenComparing(Sample::modelId));
        return new SampleSelection(List.copyOf(kept), dropped, candidates.size());
    }

    /** The MOFA group name of an OncotreeLineage: 'Esophagus/Stomach' -> 'Esophagus_Stomach'. */
    public static String groupName(String lineageName) {
        return lineageName.replace('/', '_').replace(' ', '_');
    }

    public List<Sample> samples() {
        return samples;
    }

    public int candidateCount() {
        return candidates;
    }

    public Map<String, Integer> droppedLineages() {
        return droppedLineages;
    }

    public Set<String> modelIds() {
        return samples.stream().map(Sample::modelId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public long lineageCount() {
        return samples.stream().map(Sample::lineage).distinct().count();
    }
}
