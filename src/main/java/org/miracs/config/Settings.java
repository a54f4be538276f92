package org.miracs.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Raw key/value settings in three layers (embedded defaults, a config file, --set overrides), read
 * through typed getters that remember which keys were read, so that a misspelt key is an error
 * instead of a silently ignored parameter.
 */
public final class Settings {
    static final String DEFAULTS_RESOURCE = "/org/miracs/config/defaults.properties";

    private final Map<String, String> values;
    private final Map<String, String> origins;
    private final Set<String> read = new HashSet<>();

    private Settings(Map<String, String> values, Map<String, String> origins) {
        this.values = values;
        this.origins = origins;
    }

    /** The embedded defaults, overlaid by {@code configFile} (may be null) and then by {@code overrides}. */
    public static Settings load(Path configFile, List<String> overrides) {
        return load(configFile == null ? null : configFile.toString(),
                name -> Files.newBufferedReader(Path.of(name), StandardCharsets.UTF_8), overrides);
    }

    /** Opens a config file by name (a local path, or any Hadoop URI when the caller can read those). */
    @FunctionalInterface
    public interface ConfigOpener {
        Reader open(String name) throws IOException;
    }

    /** The embedded defaults, overlaid by the config file {@code configName} (may be null) and then by {@code overrides}. */
    public static Settings load(String configName, ConfigOpener opener, List<String> overrides) {
        Map<String, String> values = new TreeMap<>();
        Map<String, String> origins = new TreeMap<>();
        Properties defaults = loadDefaults();
        for (String key : defaults.stringPropertyNames()) {
            values.put(key, defaults.getProperty(key).trim());
            origins.put(key, "default");
        }
        if (configName != null) {
            Properties file = new Properties();
            try (Reader reader = opener.open(configName)) {
                file.load(reader);
            } catch (IOException e) {
                throw new ConfigException(configName + ": cannot read config file: " + e);
            }
            for (String key : file.stringPropertyNames()) {
                requireKnown(values, key, configName);
                values.put(key, file.getProperty(key).trim());
                origins.put(key, configName);
            }
        }
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set " + override + ": expected key=value");
            }
            String key = override.substring(0, eq).trim();
            requireKnown(values, key, "--set");
            values.put(key, override.substring(eq + 1).trim());
            origins.put(key, "--set");
        }
        return new Settings(values, origins);
    }

    public static Settings defaults() {
        return load(null, List.of());
    }

    private static Properties loadDefaults() {
        Properties p = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("embedded defaults missing: " + DEFAULTS_RESOURCE);
            }
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read embedded defaults", e);
        }
        return p;
    }

    private static void requireKnown(Map<String, String> values, String key, String origin) {
        if (!values.containsKey(key)) {
            throw new ConfigException(origin + ": unknown configuration key '" + key + "' (known keys: see conf/miracs.properties)");
        }
    }

    /** Every key and its effective value, sorted, for the start-of-run log and run.json. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public String origin(String key) {
        return origins.get(key);
    }

    public String string(String key) {
        String v = raw(key);
        if (v.isEmpty()) {
            throw invalid(key, v, "a non-empty value");
        }
        return v;
    }

    public int integer(String key, int min, int max) {
        String v = raw(key);
        try {
            int parsed = Integer.parseInt(v);
            if (parsed < min || parsed > max) {
                throw invalid(key, v, "an integer in [" + min + ", " + max + "]");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(key, v, "an integer");
        }
    }

    public long longValue(String key) {
        String v = raw(key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw invalid(key, v, "an integer");
        }
    }

    public double real(String key, double min, double max) {
        String v = raw(key);
        try {
            double parsed = Double.parseDouble(v);
            if (!(parsed >= min && parsed <= max)) {
                throw invalid(key, v, "a number in [" + min + ", " + max + "]");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(key, v, "a number");
        }
    }

    /** A number, or NaN when the value is {@code none}. */
    public double optionalReal(String key, double min, double max) {
        return "none".equalsIgnoreCase(raw(key)) ? Double.NaN : real(key, min, max);
    }

    public boolean bool(String key) {
        String v = raw(key).toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw invalid(key, v, "true or false");
    }

    /** A comma-separated list with blanks removed; may be empty. */
    public List<String> list(String key) {
        String v = raw(key);
        List<String> out = new ArrayList<>();
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** One of an enum's constants, written in lower case in the config. */
    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        String v = raw(key);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(v)) {
                return constant;
            }
        }
        String allowed = String.join(" | ", Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        throw invalid(key, v, allowed);
    }

    public <T> T parsed(String key, String expected, Function<String, T> parser) {
        String v = raw(key);
        try {
            return parser.apply(v);
        } catch (RuntimeException e) {
            throw invalid(key, v, expected + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    /** Fails if a key was set but never read by the typed configuration (a dead parameter). */
    public void requireAllRead() {
        Set<String> unread = new TreeSet<>(values.keySet());
        unread.removeAll(read);
        if (!unread.isEmpty()) {
            throw new IllegalStateException("configuration keys defined but never read: " + unread);
        }
    }

    private String raw(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new ConfigException("missing configuration key '" + key + "'");
        }
        read.add(key);
        return v;
    }

    ConfigException invalid(String key, String value, String expected) {
        return new ConfigException(origins.getOrDefault(key, "config") + ": " + key + " = '" + value
                + "': expected " + expected);
    }
}
