package org.miracs.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.miracs.config.MiracsConfig.DuplicatePlexRule;
import org.miracs.ingest.ProteomicsLayout.SampleColumn;

/**
 * Which sample column(s) stand for each proteomics line. A line measured in several plexes keeps its
 * configured preferred plex (the authors kept TenPx20 for SW948, TenPx28 for CAL120, TenPx18 for
 * HCT15); any other duplicated line follows the configured rule.
 */
public final class PlexResolution implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A line and the positions (in the layout's sample order) of the columns averaged into it. */
    public record ResolvedLine(String ccleName, int[] samplePositions, String chosen) implements Serializable {}

    private final List<ResolvedLine> lines;
    private final List<String> decisions;

    private PlexResolution(List<ResolvedLine> lines, List<String> decisions) {
        this.lines = lines;
        this.decisions = decisions;
    }

    /** Lines measured more than once for which neither a preference applies: these need observed counts. */
    public static boolean needsObservedCounts(List<SampleColumn> samples, Map<String, String> preferred,
                                              DuplicatePlexRule rule) {
        if (rule != DuplicatePlexRule.MOST_OBSERVED) {
            return false;
        }
        return byLine(samples).entrySet().stream().anyMatch(e -> e.getValue().size() > 1
                && !hasPlex(e.getValue(), samples, preferred.get(e.getKey())));
    }

    /**
     * @param observedCounts non-missing values per sample column (layout order); only read under MOST_OBSERVED
     */
    public static PlexResolution resolve(List<SampleColumn> samples, Map<String, String> preferred,
                                         DuplicatePlexRule rule, long[] observedCounts) {
        List<ResolvedLine> lines = new ArrayList<>();
        List<String> decisions = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byLine(samples).entrySet()) {
            String line = e.getKey();
            List<Integer> positions = e.getValue();
            if (positions.size() == 1) {
                lines.add(new ResolvedLine(line, new int[] {positions.get(0)}, samples.get(positions.get(0)).plex()));
                continue;
            }
            String want = preferred.get(line);
            int[] chosen;
            String why;
            if (hasPlex(positions, samples, want)) {
                int p = positions.stream().filter(i -> samples.get(i).plex().equals(want)).findFirst().orElseThrow();
                chosen = new int[] {p};
                why = "preferred";
            } else {
                switch (rule) {
                    case MEAN -> {
                        chosen = positions.stream().mapToInt(Integer::intValue).toArray();
                        why = "mean";
                    }
                    case FIRST_PLEX -> {
                        chosen = new int[] {positions.stream().min(byPlex(samples)).orElseThrow()};
                        why = "first_plex";
                    }
                    case LAST_PLEX -> {
                        chosen = new int[] {positions.stream().max(byPlex(samples)).orElseThrow()};
                        why = "last_plex";
                    }
                    default -> {
                        // most observed values; ties go to the lower plex number so the choice is stable
                        chosen = new int[] {positions.stream()
                                .min(Comparator.<Integer>comparingLong(i -> -observedCounts[i]).thenComparing(byPlex(samples)))
                                .orElseThrow()};
                        why = "most_observed";
                    }
                }
            }
            StringBuilder plexes = new StringBuilder();
            for (int p : chosen) {
                plexes.append(plexes.length() == 0 ? "" : "+").append(samples.get(p).plex());
            }
            lines.add(new ResolvedLine(line, chosen, plexes.toString()));
            decisions.add(line + "->" + plexes + " (" + why + ")");
        }
        return new PlexResolution(List.copyOf(lines), List.copyOf(decisions));
    }

    private static Comparator<Integer> byPlex(List<SampleColumn> samples) {
        return Comparator.comparingInt(i -> samples.get(i).plexNumber());
    }

    private static boolean hasPlex(List<Integer> positions, List<SampleColumn> samples, String plex) {
        return plex != null && positions.stream().anyMatch(i -> samples.get(i).plex().equals(plex));
    }

    private static Map<String, List<Integer>> byLine(List<SampleColumn> samples) {
        Map<String, List<Integer>> byLine = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            byLine.computeIfAbsent(samples.get(i).ccleName(), k -> new ArrayList<>()).add(i);
        }
        return byLine;
    }

    public List<ResolvedLine> lines() {
        return lines;
    }

    /** One entry per duplicated line: which plex(es) it kept and why. */
    public List<String> decisions() {
        return decisions;
    }

    /** The value of each resolved line in a protein row: the chosen column, or the mean of the observed ones. */
    public double[] apply(double[] sampleValues, int[] linePositions) {
        double[] out = new double[linePositions.length];
        for (int k = 0; k < linePositions.length; k++) {
            int[] cols = lines.get(linePositions[k]).samplePositions();
            if (cols.length == 1) {
                out[k] = sampleValues[cols[0]];
                continue;
            }
            double sum = 0;
            int n = 0;
            for (int c : cols) {
                if (!Double.isNaN(sampleValues[c])) {
                    sum += sampleValues[c];
                    n++;
                }
            }
            out[k] = n == 0 ? Double.NaN : sum / n;
        }
        return out;
    }
}
