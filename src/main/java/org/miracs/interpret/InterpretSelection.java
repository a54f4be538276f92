package org.miracs.interpret;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.miracs.config.ConfigException;
import org.miracs.enrich.gsea.SetCollection;

/**
 * Which (factor, MoA, compound) phase 4 follows up (the paper's Factor 12 / Aurora kinase inhibitors /
 * tozasertib), from the settings {@code interpret.factor}, {@code interpret.moa} and
 * {@code interpret.drug} and the cross-lineage table. Pure logic, no Spark.
 *
 * <ul>
 * <li><b>Association</b>: among the cross-lineage associations matching the explicit settings (a factor
 * number, a MoA name; {@code auto} matches anything) and in the preferred direction
 * ({@code interpret.direction}: {@code resistance} by default, falling back to the other direction when
 * none is in the preferred one; {@code any}: no preference), the strongest: most lineages, then
 * resistance before sensitivity, then the lower factor, then the MoA name (code-point order).</li>
 * <li><b>Factor / MoA</b>: the explicit value, else the chosen association's. With no matching
 * association an {@code auto} factor or MoA stays unresolved (the stage then skips what needs it).</li>
 * <li><b>Compound</b> ({@link #autoDrug}): the compound of the MoA with the largest mean factor-AUC
 * correlation across lineages in the association's direction (largest for resistance, smallest for
 * sensitivity, largest |mean| when the direction is unknown); ties by broad_id.</li>
 * <li>An explicit value that matches nothing is a {@link ConfigException} naming the key.</li>
 * </ul>
 */
public final class InterpretSelection {

    public static final String AUTO = "auto";
    public static final String RESISTANCE = "resistance";
    public static final String SENSITIVITY = "sensitivity";
    public static final String FACTOR_KEY = "interpret.factor";
    public static final String MOA_KEY = "interpret.moa";
    public static final String DRUG_KEY = "interpret.drug";

    /** One row of the cross-lineage table. */
    public record Association(int factor, String moa, String direction, int nLineages, List<String> lineages) {
        public Association {
            lineages = List.copyOf(lineages);
        }
    }

    /** One harmonised compound. */
    public record Drug(String broadId, String name, List<String> moas, int nLines) {
        public Drug {
            moas = moas == null ? List.of() : List.copyOf(moas);
        }
    }

    /**
     * The resolved factor and MoA. {@code factor} / {@code moa} are null when unresolved;
     * {@code association} is the chosen cross-lineage row (null if none matched); {@code direction} is
     * the association's (null without one); sources are "config" or "auto".
     */
    public record Choice(Integer factor, String moa, String direction, Association association,
                         String factorSource, String moaSource) {
        public boolean complete() {
            return factor != null && moa != null;
        }
    }

    /** Most lineages first; then resistance before sensitivity; then lower factor; then MoA name. */
    public static final Comparator<Association> STRONGEST_FIRST = Comparator
            .comparingInt(Association::nLineages).reversed()
            .thenComparingInt(a -> RESISTANCE.equals(a.direction()) ? 0 : 1)
            .thenComparingInt(Association::factor)
            .thenComparing(Association::moa, SetCollection.CODE_POINT_ORDER);

    private InterpretSelection() {}

    public static boolean isAuto(String setting) {
        return setting == null || setting.isBlank() || AUTO.equalsIgnoreCase(setting.trim());
    }

    /** The strongest association of the list, if any. */
    public static Optional<Association> strongest(Collection<Association> associations) {
        return associations.stream().min(STRONGEST_FIRST);
    }

    /**
     * Resolves factor and MoA.
     *
     * @param factors the model's factor numbers (to validate an explicit factor)
     * @param moas    the harmonised MoA names (to validate an explicit MoA)
     */
    public static Choice choose(List<Association> associations, String factorSetting, String moaSetting,
                                Collection<Integer> factors, Collection<String> moas) {
        return choose(associations, factorSetting, moaSetting, null, factors, moas);
    }

    /**
     * Resolves factor and MoA, preferring associations in {@code preferredDirection}
     * ({@link #RESISTANCE}, {@link #SENSITIVITY}, or null for none).
     */
    public static Choice choose(List<Association> associations, String factorSetting, String moaSetting,
                                String preferredDirection, Collection<Integer> factors, Collection<String> moas) {
        Integer factor = isAuto(factorSetting) ? null : parseFactor(factorSetting, factors);
        String moa = isAuto(moaSetting) ? null : resolveMoa(moaSetting, moas);
        List<Association> matching = new ArrayList<>();
        for (Association a : associations) {
            if ((factor == null || a.factor() == factor) && (moa == null || a.moa().equals(moa))) {
                matching.add(a);
            }
        }
        Association best = strongest(preferredDirection == null ? matching
                : matching.stream().filter(a -> preferredDirection.equals(a.direction())).toList())
                .or(() -> strongest(matching)).orElse(null);
        return new Choice(factor != null ? factor : best == null ? null : best.factor(),
                moa != null ? moa : best == null ? null : best.moa(),
                best == null ? null : best.direction(), best,
                factor != null ? "config" : "auto", moa != null ? "config" : "auto");
    }

    static int parseFactor(String setting, Collection<Integer> factors) {
        int f;
        try {
            f = Integer.parseInt(setting.trim().replaceFirst("(?i)^factor_?", ""));
        } catch (NumberFormatException e) {
            throw new ConfigException(FACTOR_KEY + " = '" + setting + "': expected auto or a factor number "
                    + range(factors));
        }
        if (!factors.contains(f)) {
            throw new ConfigException(FACTOR_KEY + " = '" + setting + "': no such factor in the MOFA model, expected "
                    + "auto or a factor number " + range(factors));
        }
        return f;
    }

    private static String range(Collection<Integer> factors) {
        if (factors.isEmpty()) {
            return "(the model has no factors)";
        }
        TreeSet<Integer> s = new TreeSet<>(factors);
        return "(" + s.first() + ".." + s.last() + ")";
    }

    /** An explicit MoA: exact name, else the one MoA equal ignoring case. */
    static String resolveMoa(String setting, Collection<String> moas) {
        String want = setting.trim();
        if (moas.contains(want)) {
            return want;
        }
        List<String> ci = moas.stream().filter(m -> m.equalsIgnoreCase(want)).sorted().toList();
        if (ci.size() == 1) {
            return ci.get(0);
        }
        throw new ConfigException(MOA_KEY + " = '" + setting + "': no MoA of that name among the " + moas.size()
                + " harmonised MoAs (expected auto or a MoA name as in harmonised/moa_sets, e.g. "
                + examples(moas) + ")");
    }

    /**
     * An explicit compound: a broad_id, else a name (ignoring case). A name shared by several broad_ids
     * (batches of one compound) picks one in {@code moa} if any, then the one measured in most lines,
     * then the first broad_id.
     */
    public static Drug resolveDrug(String setting, Collection<Drug> drugs, String moa) {
        String want = setting.trim();
        for (Drug d : drugs) {
            if (d.broadId().equals(want)) {
                return d;
            }
        }
        String lower = want.toLowerCase(Locale.ROOT);
        Comparator<Drug> pick = Comparator.<Drug>comparingInt(d -> moa != null && d.moas().contains(moa) ? 0 : 1)
                .thenComparing(Comparator.comparingInt(Drug::nLines).reversed())
                .thenComparing(Drug::broadId, SetCollection.CODE_POINT_ORDER);
        return drugs.stream().filter(d -> d.name() != null && d.name().toLowerCase(Locale.ROOT).equals(lower))
                .min(pick)
                .orElseThrow(() -> new ConfigException(DRUG_KEY + " = '" + setting + "': no compound with that broad_id "
                        + "or name among the " + drugs.size() + " harmonised compounds (expected auto, a broad_id or a "
                        + "name as in harmonised/drugs)"));
    }

    /**
     * The compound with the largest mean correlation in {@code direction} ({@link #RESISTANCE}: largest,
     * {@link #SENSITIVITY}: smallest, null: largest absolute); NaN means are ignored; ties by broad_id.
     */
    public static Optional<String> autoDrug(Map<String, Double> meanCorrelation, String direction) {
        Comparator<Map.Entry<String, Double>> best;
        if (RESISTANCE.equals(direction)) {
            best = Comparator.comparingDouble(e -> -e.getValue());
        } else if (SENSITIVITY.equals(direction)) {
            best = Comparator.comparingDouble(Map.Entry::getValue);
        } else {
            best = Comparator.comparingDouble(e -> -Math.abs(e.getValue()));
        }
        return meanCorrelation.entrySet().stream()
                .filter(e -> e.getValue() != null && !Double.isNaN(e.getValue()))
                .min(best.thenComparing(Map.Entry::getKey, SetCollection.CODE_POINT_ORDER))
                .map(Map.Entry::getKey);
    }

    private static String examples(Collection<String> values) {
        List<String> s = values.stream().sorted(SetCollection.CODE_POINT_ORDER).limit(3).toList();
        return s.isEmpty() ? "none available" : "'" + String.join("', '", s) + "'";
    }
}
