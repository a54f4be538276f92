package org.miracs.stats.random;

import java.nio.charset.StandardCharsets;

/**
 * Stable 64-bit seeds derived from a run seed and a unit key (e.g. lineage, factor), so that a
 * unit's random stream never depends on thread, partition or scheduling order.
 *
 * <p>Definition (fixed; changing it changes results): FNV-1a 64 over, for each key part, its
 * UTF-8 length as 4 big-endian bytes followed by its UTF-8 bytes, then
 * {@code splitmix64(seed ^ splitmix64(hash))}. The result is meant to be read as an unsigned
 * 64-bit integer, e.g. {@code np.random.default_rng(derive(...) & (2**64-1))}.
 */
public final class UnitSeeds {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private UnitSeeds() {
    }

    public static long derive(long seed, String... keyParts) {
        long h = FNV_OFFSET;
        for (String part : keyParts) {
            byte[] b = part.getBytes(StandardCharsets.UTF_8);
            int len = b.length;
            for (int s = 24; s >= 0; s -= 8) {
                h ^= (len >>> s) & 0xFF;
                h *= FNV_PRIME;
            }
            for (byte x : b) {
                h ^= x & 0xFF;
                h *= FNV_PRIME;
            }
        }
        return splitmix64(seed ^ splitmix64(h));
    }

    /** The SplitMix64 finalizer (Steele, Lea, Flood 2014). */
    public static long splitmix64(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
