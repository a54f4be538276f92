/**
 * Phase 4 of MIRACS, interpretation: the pure-Java numerics behind the paper's Fig. 2 (no Spark,
 * no I/O besides network tables).
 *
 * <ul>
 * <li>{@link org.miracs.interpret.TopFeatures}: top-N loadings of a factor by |weight| with sign, and
 * the protein-to-gene collapse (min over a gene's proteins) the authors applied before activity
 * inference on protein loadings.</li>
 * <li>{@link org.miracs.interpret.PriorNetwork}: source-target-weight tables (CSV/TSV, user-supplied
 * CollecTRI/DoRothEA-style, or the bundled PROGENy human top-500 as
 * {@code builtin:progeny_human_top500}, Apache-2.0, see networks/NOTICE.md) and decoupler's tmin
 * pruning.</li>
 * <li>{@link org.miracs.interpret.Ulm} and {@link org.miracs.interpret.Mlm}: decoupler 2.0.4's ULM and
 * MLM of one {@link org.miracs.interpret.FeatureVector} (a factor's weights over every feature of a
 * view) into {@link org.miracs.interpret.ActivityScores} (Fig. 2a-b).</li>
 * <li>{@link org.miracs.interpret.ForestPlotStats}: per (drug, lineage) factor-AUC Pearson r with a
 * Fisher-z interval, and per-drug summaries (Fig. 2c).</li>
 * <li>{@link org.miracs.interpret.SensitivityGroups}: the authors' 33rd/67th-percentile split of AUC
 * and the sensitive-vs-resistant comparison of factor values per lineage (Fig. 2d-h), built on
 * {@link org.miracs.interpret.MannWhitneyU}, {@link org.miracs.interpret.ShapiroWilk},
 * {@link org.miracs.interpret.Levene}, {@link org.miracs.interpret.StudentTTest} and numpy's
 * {@link org.miracs.interpret.Percentile}.</li>
 * <li>{@link org.miracs.interpret.InterpretSelection}: which (factor, MoA, compound) is followed up
 * ({@code interpret.factor/moa/drug}, {@code auto} = the strongest cross-lineage association).</li>
 * </ul>
 *
 * <p>The Spark stage that applies all of this to a run is in {@code org.miracs.interpret.spark}.
 *
 * <p>All classes are immutable (configured through static factories) and thread-safe.
 */
package org.miracs.interpret;
