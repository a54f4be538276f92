package org.miracs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiracsConfigTest {

    @Test
    void defaultsAreThePapersSettings() {
        MiracsConfig c = MiracsConfig.from(Settings.defaults());
        // MIRACS paper: 30 factors, 10,000 permutations; authors' scripts: tmin 5, seed 1993, fast convergence,
        // scale_views, spike-slab and ARD, padj < 0.05 and |NES| >= 1, > 5 lines and > 10 distinct AUCs
        assertEquals(30, c.mofa().factors());
        assertEquals(1993, c.mofa().seed());
        assertEquals(MiracsConfig.Convergence.FAST, c.mofa().convergence());
        assertTrue(c.mofa().scaleViews() && c.mofa().spikeSlabWeights() && c.mofa().ardWeights() && c.mofa().ardFactors());
        assertTrue(Double.isNaN(c.mofa().dropR2()));
        assertEquals(MiracsConfig.MofaEngine.AUTO, c.mofa().engine());
        assertEquals(10_000, c.enrichment().permutations());
        assertEquals(5, c.enrichment().minSetSize());
        assertEquals(0.05, c.crossLineage().padjThreshold());
        assertEquals(1.0, c.crossLineage().minAbsNes());
        assertEquals(6, c.correlation().minLines());
        assertEquals(11, c.correlation().minDistinctAuc());
        assertEquals(5, c.correlation().minLineageLines());
        assertEquals(List.of("MTS010", "MTS006", "MTS005", "HTS002"), c.prism().screenPriority());
        assertEquals(0.5, c.proteomics().minObservedFraction());
        assertEquals("TenPx20", c.proteomics().preferredPlexes().get("SW948_LARGE_INTESTINE"));
        assertEquals("TenPx28", c.proteomics().preferredPlexes().get("CAL120_BREAST"));
        assertEquals("TenPx18", c.proteomics().preferredPlexes().get("HCT15_LARGE_INTESTINE"));
        assertEquals(33.0, c.interpret().sensitivePercentile());
        assertEquals(67.0, c.interpret().resistantPercentile());
    }

    @Test
    void shippedConfigFileEqualsTheEmbeddedDefaults() throws IOException {
        Properties shipped = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("conf/miracs.properties"))) {
            shipped.load(r);
        }
        Settings defaults = Settings.defaults();
        assertEquals(defaults.asMap().keySet(), shipped.stringPropertyNames());
        for (String key : shipped.stringPropertyNames()) {
            assertEquals(defaults.asMap().get(key), shipped.getProperty(key).trim(), key);
        }
    }

    @Test
    void overridesApplyInOrderFileThenSet(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("my.properties");
        Files.writeString(file, "mofa.factors = 15\nenrichment.mode = exact\n");
        Settings s = Settings.load(file, List.of("mofa.factors=12", "prism.screen_selection=per_compound"));
        MiracsConfig c = MiracsConfig.from(s);
        assertEquals(12, c.mofa().factors());
        assertEquals(MiracsConfig.EnrichmentMode.EXACT, c.enrichment().mode());
        assertEquals(MiracsConfig.ScreenSelection.PER_COMPOUND, c.prism().screenSelection());
        assertEquals("--set", s.origin("mofa.factors"));
        assertEquals(file.toString(), s.origin("enrichment.mode"));
    }

    @Test
    void unknownKeyIsRejectedWithItsName() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Settings.load(null, List.of("mofa.factor=12")));
        assertTrue(e.getMessage().contains("unknown configuration key 'mofa.factor'"), e.getMessage());
    }

    @Test
    void badValuesNameTheKeyAndWhatWasExpected() {
        assertMessage("mofa.factors=zero", "mofa.factors = 'zero': expected an integer");
        assertMessage("mofa.factors=0", "mofa.factors = '0': expected an integer in [1, 1000]");
        assertMessage("enrichment.mode=quick", "enrichment.mode = 'quick': expected fast | exact");
        assertMessage("proteomics.min_observed_fraction=1.5", "expected a number in [0.0, 1.0]");
        assertMessage("prism.screen_priority=MTS010,MTS010", "expected a non-empty list of distinct screen ids");
        assertMessage("proteomics.preferred_plexes=CAL120_BREAST:Plex28", "bad entry 'CAL120_BREAST:Plex28'");
        assertMessage("cross_lineage.lower_percentile=95", "a percentile below cross_lineage.upper_percentile");
        assertMessage("mofa.scale_views=yes", "expected true or false");
        assertMessage("mofa.engine=gpu", "mofa.engine = 'gpu': expected auto | local | spark");
    }

    @Test
    void dropR2AcceptsNoneOrAFraction() {
        assertFalse(Double.isNaN(MiracsConfig.from(Settings.load(null, List.of("mofa.drop_r2=0.01"))).mofa().dropR2()));
    }

    private static void assertMessage(String override, String expected) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> MiracsConfig.from(Settings.load(null, List.of(override))));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("--set: "), e.getMessage());
    }
}
