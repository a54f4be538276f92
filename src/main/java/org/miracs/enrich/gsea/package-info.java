/**
 * GSEA of one ranked list against feature sets, as decoupler 2.0.4's {@code dc.mt.gsea}
 * ({@link org.miracs.enrich.gsea.Gsea}, {@link org.miracs.enrich.gsea.GseaOptions}), in an EXACT
 * (decoupler bit-for-bit) and a FAST (fgsea shared-sample) mode.
 *
 * <p>Typical use for one (lineage, factor) unit:
 * <pre>{@code
 * GseaOptions opts = GseaOptions.DEFAULT;                 // FAST, 10,000 perms, tmin 5, seed 42
 * Gsea gsea = new Gsea(opts);
 * BoundSets bound = moaSets.bind(drugIds, opts.tmin());    // once per lineage
 * List<GseaResult> rows = gsea.run(rho, bound, opts.unitSeed(lineage, factor));
 * }</pre>
 * For decoupler-identical results use {@code GseaOptions.decoupler()} (EXACT, numpy seed 42 for every
 * factor of a lineage) and, to share the permutation matrix across the factors of a lineage,
 * {@link org.miracs.enrich.gsea.PermutationMatrix#numpy}.
 */
package org.miracs.enrich.gsea;
