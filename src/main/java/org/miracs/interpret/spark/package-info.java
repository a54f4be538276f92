/**
 * Phase 4 of MIRACS on Spark: {@link org.miracs.interpret.spark.InterpretStage} turns the MOFA weights and
 * factors, the harmonised drug responses and the cross-lineage associations into the interpretation
 * tables (top features, pathway / TF activity, forest, sensitive vs resistant lines and tests) and hands
 * {@link org.miracs.interpret.spark.Interpretation} to the report. The statistics are those of the
 * Spark-free {@link org.miracs.interpret} package; {@link org.miracs.interpret.spark.LoadingActivity} and
 * {@link org.miracs.interpret.spark.NetworkEdges} are the small Spark-free helpers a (view, factor) task
 * uses on the executors.
 */
package org.miracs.interpret.spark;
