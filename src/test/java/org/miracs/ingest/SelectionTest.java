package org.miracs.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.miracs.config.MiracsConfig;
import org.miracs.config.MiracsConfig.DuplicatePlexRule;
import org.miracs.ingest.ProteomicsLayout.SampleColumn;

/** Plex resolution and sample selection rules, without Spark. */
class SelectionTest {
    private static final List<SampleColumn> COLUMNS = List.of(
            new SampleColumn(6, "A_LUNG", "TenPx01", 1),
            new SampleColumn(7, "SW948_LARGE_INTESTINE", "TenPx11", 11),
            new SampleColumn(8, "SW948_LARGE_INTESTINE", "TenPx20", 20),
            new SampleColumn(9, "B_SKIN", "TenPx03", 3),
            new SampleColumn(10, "B_SKIN", "TenPx02", 2));

    @Test
    void preferredPlexWinsThenTheRule() {
        Map<String, String> preferred = Map.of("SW948_LARGE_INTESTINE", "TenPx20");
        long[] observed = {10, 5, 9, 7, 8};
        PlexResolution r = PlexResolution.resolve(COLUMNS, preferred, DuplicatePlexRule.MOST_OBSERVED, observed);
        assertEquals(3, r.lines().size());
        assertEquals("TenPx20", r.lines().get(1).chosen());
        assertEquals("TenPx02", r.lines().get(2).chosen()); // 8 observed beats 7
        assertEquals(List.of("SW948_LARGE_INTESTINE->TenPx20 (preferred)", "B_SKIN->TenPx02 (most_observed)"), r.decisions());
        assertTrue(PlexResolution.needsObservedCounts(COLUMNS, preferred, DuplicatePlexRule.MOST_OBSERVED));
        assertFalse(PlexResolution.needsObservedCounts(COLUMNS, Map.of("SW948_LARGE_INTESTINE", "TenPx20",
                "B_SKIN", "TenPx03"), DuplicatePlexRule.MOST_OBSERVED));

        assertEquals("TenPx02", PlexResolution.resolve(COLUMNS, preferred, DuplicatePlexRule.FIRST_PLEX, null).lines().get(2).chosen());
        assertEquals("TenPx03", PlexResolution.resolve(COLUMNS, preferred, DuplicatePlexRule.LAST_PLEX, null).lines().get(2).chosen());
        // a preference naming a plex the line was not measured in falls back to the rule
        assertEquals("TenPx11", PlexResolution.resolve(COLUMNS, Map.of("SW948_LARGE_INTESTINE", "TenPx99"),
                DuplicatePlexRule.FIRST_PLEX, null).lines().get(1).chosen());
    }

    @Test
    void meanRuleAveragesTheObservedPlexes() {
        PlexResolution r = PlexResolution.resolve(COLUMNS, Map.of(), DuplicatePlexRule.MEAN, null);
        assertEquals("TenPx11+TenPx20", r.lines().get(1).chosen());
        double[] sampleValues = {1.0, 2.0, 4.0, Double.NaN, 5.0};
        assertArrayEquals(new double[] {1.0, 3.0, 5.0}, r.apply(sampleValues, new int[] {0, 1, 2}));
        assertArrayEquals(new double[] {5.0, 1.0}, r.apply(sampleValues, new int[] {2, 0}));
    }

    @Test
    void samplesNeedBothOmicsAndEnoughLinesPerLineage() throws IOException {
        ModelTable models = ModelTable.read("Model.csv", new BufferedReader(new StringReader(
                "ModelID,CCLEName,OncotreeLineage\n"
                        + "ACH-000001,A_LUNG,Lung\nACH-000002,B_LUNG,Lung\nACH-000003,C_STOMACH,Esophagus/Stomach\n"
                        + "ACH-000004,D_STOMACH,Esophagus/Stomach\nACH-000005,E_SKIN,Skin\nACH-000006,F,NA\n")));
        MiracsConfig.Harmonise both = new MiracsConfig.Harmonise(MiracsConfig.SampleRule.BOTH, 2, "Unassigned");
        SampleSelection s = SampleSelection.select(Set.of("ACH-000001", "ACH-000002", "ACH-000003", "ACH-000004",
                "ACH-000005", "ACH-000006"), Set.of("ACH-000002", "ACH-000001", "ACH-000003", "ACH-000004", "ACH-000005"),
                models, both);
        assertEquals(5, s.candidateCount());
        assertEquals(List.of("ACH-000003", "ACH-000004", "ACH-000001", "ACH-000002"),
                s.samples().stream().map(SampleSelection.Sample::modelId).toList());
        assertEquals("Esophagus_Stomach", s.samples().get(0).lineage());
        assertEquals("Esophagus/Stomach", s.samples().get(0).lineageName());
        assertEquals(Map.of("Skin", 1), s.droppedLineages());

        MiracsConfig.Harmonise union = new MiracsConfig.Harmonise(MiracsConfig.SampleRule.UNION, 1, "Unassigned");
        SampleSelection u = SampleSelection.select(Set.of("ACH-000006"), Set.of("ACH-000005"), models, union);
        assertEquals(List.of("Skin", "Unassigned"), u.samples().stream().map(SampleSelection.Sample::lineage).toList());
        assertFalse(u.samples().get(0).hasRna());
        assertTrue(u.samples().get(1).hasRna());
    }
}
