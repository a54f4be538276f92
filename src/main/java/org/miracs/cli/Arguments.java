package org.miracs.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value}, repeatable {@code --set k=v} and boolean {@code --flag} options of one command. */
final class Arguments {
    private final Map<String, String> single = new HashMap<>();
    private final Map<String, List<String>> repeated = new HashMap<>();
    private final List<String> positional = new ArrayList<>();
    private final Set<String> flags;

    private Arguments(Set<String> flags) {
        this.flags = flags;
    }

    /**
     * @param valued  options that take a value (once)
     * @param multi   options that take a value and may repeat
     * @param flags   options without a value
     */
    static Arguments parse(List<String> args, Set<String> valued, Set<String> multi, Set<String> flags) {
        Arguments parsed = parseWithPositional(args, valued, multi, flags);
        if (!parsed.positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + parsed.positional.get(0) + "'");
        }
        return parsed;
    }

    /** As {@link #parse}, also taking arguments that are not options ({@link #positional()}). */
    static Arguments parseWithPositional(List<String> args, Set<String> valued, Set<String> multi, Set<String> flags) {
        Arguments parsed = new Arguments(new java.util.HashSet<>());
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0 && (valued.contains(a.substring(0, eq)) || multi.contains(a.substring(0, eq)))) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (flags.contains(name)) {
                parsed.flags.add(name);
            } else if (valued.contains(name) || multi.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (multi.contains(name)) {
                    parsed.repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else if (parsed.single.put(name, value) != null) {
                    throw new UsageException(name + " given twice");
                }
            } else if (!a.startsWith("-")) {
                parsed.positional.add(a);
            } else {
                throw new UsageException("unknown option '" + a + "'");
            }
        }
        return parsed;
    }

    String get(String name, String fallback) {
        return single.getOrDefault(name, fallback);
    }

    String get(String name) {
        return single.get(name);
    }

    List<String> all(String name) {
        return repeated.getOrDefault(name, List.of());
    }

    /** Arguments that are not options, in order. */
    List<String> positional() {
        return List.copyOf(positional);
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }
}
