/**
 * Per-lineage factor x drug Spearman correlations with the MIRACS authors' filters
 * ({@link org.miracs.correlate.LineageCorrelator}, {@link org.miracs.correlate.CorrelationOptions}).
 */
package org.miracs.correlate;
