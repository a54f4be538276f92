package org.miracs.config;

/** A configuration value that is missing, unknown, of the wrong type or out of range. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
