/**
 * numpy-compatible random numbers, bit-for-bit: {@link org.miracs.stats.random.SeedSequence},
 * {@link org.miracs.stats.random.Pcg64} and the parts of numpy's {@code Generator} decoupler uses
 * ({@link org.miracs.stats.random.NumpyGenerator}: shuffle/permutation, Lemire-bounded integers,
 * choice without replacement), plus stable per-unit seeds ({@link org.miracs.stats.random.UnitSeeds}).
 */
package org.miracs.stats.random;
