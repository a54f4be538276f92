package org.miracs.cli;

import java.util.List;

/** A subcommand of {@code bin/miracs}. */
interface Command {
    String name();

    /** One line for the command list. */
    String summary();

    /** Full help: synopsis and options. */
    String usage();

    /** Runs with the arguments after the command name; returns the process exit code. */
    int execute(List<String> args) throws Exception;
}
