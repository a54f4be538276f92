package org.miracs.correlate;

/**
 * One factor x drug Spearman correlation within one lineage.
 *
 * @param factor  factor id
 * @param drug    drug id
 * @param rho     Spearman rho (NaN if filtered out or if either side is constant)
 * @param pValue  two-sided p-value as scipy.stats.spearmanr (NaN when rho is NaN)
 * @param n       number of shared (non-missing in both) lines
 */
public record FactorDrugCorrelation(String factor, String drug, double rho, double pValue, int n) {
}
