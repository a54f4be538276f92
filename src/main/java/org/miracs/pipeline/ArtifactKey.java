package org.miracs.pipeline;

/** A typed name for something one stage hands to later ones through the {@link RunContext}. */
public record ArtifactKey<T>(String name, Class<T> type) {
    public static <T> ArtifactKey<T> of(String name, Class<T> type) {
        return new ArtifactKey<>(name, type);
    }
}
