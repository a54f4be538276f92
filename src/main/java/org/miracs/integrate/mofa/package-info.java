/**
 * Pure-Java numerical core of multi-group MOFA (MOFA+), computing what mofapy2 0.7.4 computes
 * (Gaussian likelihoods): the same updates in the same schedule (W, AlphaW, ThetaW from iteration 50, Z,
 * AlphaZ, Tau), the same ELBO node by node, the same convergence rule, PCA initialisation, variance
 * explained and saved factor order. No Spark code.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link org.miracs.integrate.mofa.MofaManifestReader#read} &rarr; {@link org.miracs.integrate.mofa.MofaData}
 *       (views x groups blocks, NaN = missing);</li>
 *   <li>{@link org.miracs.integrate.mofa.MofaOptions} (immutable; {@code defaults(K)}, {@code miracsDefaults()},
 *       {@code withX(...)});</li>
 *   <li>{@link org.miracs.integrate.mofa.MofaTrainer#fit} &rarr; {@link org.miracs.integrate.mofa.MofaResult}
 *       (Z, W in MOFA2's saved order, R2 in percent, ELBO trace, hyper-parameters), with a
 *       {@link org.miracs.integrate.mofa.MofaProgressListener} and a {@link org.miracs.integrate.mofa.MofaExecutor};
 *       {@link org.miracs.integrate.mofa.ZInit#given} starts from a given E[Z] (mofapy2's exported z_init).</li>
 * </ul>
 *
 * <h2>Structure (reusable by a distributed trainer)</h2>
 * Everything that scales with the number of features lives in {@link org.miracs.integrate.mofa.FeatureBlock}s
 * (data, residual, q(W), q(tau) of a feature range); everything factor-sized lives in
 * {@link org.miracs.integrate.mofa.FactorState} (q(Z), AlphaZ, AlphaW, ThetaW, ELBO). An iteration is
 * <ol>
 *   <li>per block: {@code updateWeights} (W update + partial {@link org.miracs.integrate.mofa.ZStatistics} and
 *       {@link org.miracs.integrate.mofa.WeightStatistics}), merged in block order;</li>
 *   <li>state: {@code updateWeightHyperparameters}, {@code updateFactors} (Z per group via
 *       {@link org.miracs.integrate.mofa.FactorUpdater}, then AlphaZ);</li>
 *   <li>per block: {@code applyFactorDelta} (residual, Tau, partial {@link org.miracs.integrate.mofa.NoiseStatistics});</li>
 *   <li>state: {@code elbo}.</li>
 * </ol>
 * Inputs and outputs of the block steps are K x N or K x K per group/sample, so blocks can sit on
 * executors (features partitioned) while the state stays on the driver; {@link org.miracs.integrate.mofa.MofaModel}
 * is the single-JVM version of exactly that loop.
 *
 * <h2>Cost</h2>
 * mofapy2 recomputes E[Z_{-k}] E[W_{-k}]^T for every factor k (O(N D K^2) per node). Here the residual
 * R = Y - E[Z] E[W]^T is maintained with rank-1 corrections: the W sweep costs O(N D K) (each factor update of
 * a feature moves R by E[z_k] dW_dk); the Z sweep is solved per sample from c = sum_d t E[w_d] R_d and the
 * weighted Gram matrices H_g = sum_d tau_gd E[w_d] E[w_d]^T (missing entries subtracted per sample), then
 * R -= dZ E[W]^T once. Results are deterministic: partial sums are merged in a fixed order, independent of
 * the number of threads.
 *
 * <h2>Not implemented</h2>
 * Bernoulli/Poisson likelihoods (see {@link org.miracs.integrate.mofa.Likelihood}), spike-and-slab on factors,
 * stochastic inference, GPU, MEFISTO, weight_views, scale_groups.
 */
package org.miracs.integrate.mofa;
