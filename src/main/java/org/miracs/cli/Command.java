package org.miracs.cli;

import java.io.PrintStream;
import java.util.List;

/** A subcommand of {@code bin/miracs}. */
interface Command {
    String name();

    /** One line for the command list. */
    String summary();

    /** Full help: synopsis and options. */
    String usage();

    /**
     * Runs with the arguments after the command name; returns the process exit code. Results meant
     * for the user go to {@code out}, problems to {@code err} (the log goes through log4j).
     */
    int execute(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
