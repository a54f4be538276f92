package org.miracs.interpret;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.miracs.config.ConfigException;
import org.miracs.interpret.InterpretSelection.Association;
import org.miracs.interpret.InterpretSelection.Choice;
import org.miracs.interpret.InterpretSelection.Drug;

/** The auto-selection rule and the explicit settings on a hand-made cross-lineage table. */
class InterpretSelectionTest {
    private static final Set<Integer> FACTORS = Set.of(1, 2, 3, 4, 5, 12);
    private static final Set<String> MOAS = Set.of("Aurora kinase inhibitor", "topoisomerase inhibitor",
            "HSP inhibitor", "EGFR inhibitor", "DNA inhibitor");

    private static Association a(int factor, String moa, String direction, int n) {
        return new Association(factor, moa, direction, n, List.of());
    }

    private static final List<Association> TABLE = List.of(
            a(5, "EGFR inhibitor", "sensitivity", 5),
            a(12, "topoisomerase inhibitor", "resistance", 4),
            a(12, "Aurora kinase inhibitor", "resistance", 4),
            a(3, "DNA inhibitor", "sensitivity", 4),
            a(4, "HSP inhibitor", "resistance", 4),
            a(12, "HSP inhibitor", "resistance", 3),
            a(2, "DNA inhibitor", "resistance", 1));

    @Test
    void strongestIsMostLineagesThenResistanceThenLowerFactorThenMoaName() {
        Assertions.assertEquals(a(5, "EGFR inhibitor", "sensitivity", 5), InterpretSelection.strongest(TABLE).orElseThrow());
        List<Association> four = TABLE.stream().filter(x -> x.nLineages() == 4).toList();
        // resistance beats the sensitivity row of factor 3; factor 4 beats 12
        Assertions.assertEquals(a(4, "HSP inhibitor", "resistance", 4), InterpretSelection.strongest(four).orElseThrow());
        List<Association> f12 = TABLE.stream().filter(x -> x.factor() == 12).toList();
        // same count and direction and factor: MoA name in code-point order ('A' < 't')
        Assertions.assertEquals("Aurora kinase inhibitor", InterpretSelection.strongest(f12).orElseThrow().moa());
        Assertions.assertTrue(InterpretSelection.strongest(List.of()).isEmpty());
    }

    @Test
    void autoPrefersTheConfiguredDirectionAndFallsBack() {
        Choice any = InterpretSelection.choose(TABLE, "auto", "auto", null, FACTORS, MOAS);
        Assertions.assertEquals(5, any.factor());
        Assertions.assertEquals("sensitivity", any.direction());
        Choice res = InterpretSelection.choose(TABLE, "auto", "auto", "resistance", FACTORS, MOAS);
        Assertions.assertEquals(4, res.factor());
        Assertions.assertEquals("HSP inhibitor", res.moa());
        Assertions.assertEquals("resistance", res.direction());
        Assertions.assertEquals("auto", res.factorSource());
        Choice sens = InterpretSelection.choose(TABLE, "auto", "auto", "sensitivity", FACTORS, MOAS);
        Assertions.assertEquals(5, sens.factor());
        // factor 5 has no resistance association: fall back to its sensitivity one
        Choice fallback = InterpretSelection.choose(TABLE, "5", "auto", "resistance", FACTORS, MOAS);
        Assertions.assertEquals("EGFR inhibitor", fallback.moa());
        Assertions.assertEquals("sensitivity", fallback.direction());
    }

    @Test
    void explicitFactorOrMoaRestrictsTheAssociations() {
        Choice f12 = InterpretSelection.choose(TABLE, "12", "auto", "resistance", FACTORS, MOAS);
        Assertions.assertEquals(12, f12.factor());
        Assertions.assertEquals("Aurora kinase inhibitor", f12.moa());
        Assertions.assertEquals("config", f12.factorSource());
        Assertions.assertEquals("auto", f12.moaSource());
        Choice dna = InterpretSelection.choose(TABLE, "auto", "dna INHIBITOR", "resistance", FACTORS, MOAS);
        Assertions.assertEquals(2, dna.factor(), "the resistance association of DNA inhibitor");
        Assertions.assertEquals("DNA inhibitor", dna.moa());
        Assertions.assertEquals("config", dna.moaSource());
        Choice both = InterpretSelection.choose(TABLE, "Factor12", "EGFR inhibitor", "resistance", FACTORS, MOAS);
        Assertions.assertEquals(12, both.factor());
        Assertions.assertEquals("EGFR inhibitor", both.moa());
        Assertions.assertNull(both.association());
        Assertions.assertNull(both.direction());
        Assertions.assertTrue(both.complete());
        Choice none = InterpretSelection.choose(List.of(), "auto", "auto", "resistance", FACTORS, MOAS);
        Assertions.assertNull(none.factor());
        Assertions.assertNull(none.moa());
        Assertions.assertFalse(none.complete());
        Choice onlyFactor = InterpretSelection.choose(List.of(), "3", "auto", "resistance", FACTORS, MOAS);
        Assertions.assertEquals(3, onlyFactor.factor());
        Assertions.assertNull(onlyFactor.moa());
    }

    @Test
    void valuesThatMatchNothingAreErrorsNamingTheKey() {
        ConfigException e = Assertions.assertThrows(ConfigException.class,
                () -> InterpretSelection.choose(TABLE, "31", "auto", null, FACTORS, MOAS));
        Assertions.assertEquals("interpret.factor = '31': no such factor in the MOFA model, expected auto or a factor "
                + "number (1..12)", e.getMessage());
        e = Assertions.assertThrows(ConfigException.class,
                () -> InterpretSelection.choose(TABLE, "twelve", "auto", null, FACTORS, MOAS));
        Assertions.assertTrue(e.getMessage().startsWith("interpret.factor = 'twelve': expected auto or a factor number"));
        e = Assertions.assertThrows(ConfigException.class,
                () -> InterpretSelection.choose(TABLE, "auto", "Aurora", null, FACTORS, MOAS));
        Assertions.assertTrue(e.getMessage().startsWith("interpret.moa = 'Aurora': no MoA of that name"), e.getMessage());
        e = Assertions.assertThrows(ConfigException.class,
                () -> InterpretSelection.resolveDrug("nothing", List.of(), null));
        Assertions.assertTrue(e.getMessage().startsWith("interpret.drug = 'nothing': no compound"), e.getMessage());
    }

    @Test
    void drugByBroadIdOrNameAndTheAutoPick() {
        List<Drug> drugs = List.of(
                new Drug("BRD-1", "tozasertib", List.of("Aurora kinase inhibitor"), 80),
                new Drug("BRD-2", "Topotecan", List.of("topoisomerase inhibitor"), 90),
                new Drug("BRD-3", "topotecan", List.of("topoisomerase inhibitor", "DNA inhibitor"), 95),
                new Drug("BRD-4", "topotecan", List.of("DNA inhibitor"), 99));
        Assertions.assertEquals("BRD-1", InterpretSelection.resolveDrug("BRD-1", drugs, null).broadId());
        Assertions.assertEquals("BRD-1", InterpretSelection.resolveDrug("Tozasertib", drugs, null).broadId());
        // a name of several broad_ids: in the MoA first, then most lines
        Assertions.assertEquals("BRD-3", InterpretSelection.resolveDrug("topotecan", drugs, "topoisomerase inhibitor").broadId());
        Assertions.assertEquals("BRD-4", InterpretSelection.resolveDrug("topotecan", drugs, null).broadId());

        Map<String, Double> mean = Map.of("BRD-a", 0.2, "BRD-b", 0.5, "BRD-c", -0.6, "BRD-d", 0.5, "BRD-e", Double.NaN);
        Assertions.assertEquals("BRD-b", InterpretSelection.autoDrug(mean, "resistance").orElseThrow(), "ties by broad_id");
        Assertions.assertEquals("BRD-c", InterpretSelection.autoDrug(mean, "sensitivity").orElseThrow());
        Assertions.assertEquals("BRD-c", InterpretSelection.autoDrug(mean, null).orElseThrow(), "largest |mean|");
        Assertions.assertTrue(InterpretSelection.autoDrug(Map.of("x", Double.NaN), "resistance").isEmpty());
    }
}
