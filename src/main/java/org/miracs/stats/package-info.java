/**
 * Pure-Java statistics for MIRACS phases 2-3 (no Spark): average ranks ({@link org.miracs.stats.Ranks}),
 * scipy-compatible Spearman correlation ({@link org.miracs.stats.SpearmanCorrelation}) and
 * Benjamini-Hochberg ({@link org.miracs.stats.BenjaminiHochberg}).
 */
package org.miracs.stats;
