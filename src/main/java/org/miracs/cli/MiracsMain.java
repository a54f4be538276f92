package org.miracs.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.miracs.config.ConfigException;
import org.miracs.io.InputException;
import org.miracs.pipeline.RunOutput;

/**
 * Entry point of {@code bin/miracs} and of {@code spark-submit --class org.miracs.cli.MiracsMain}.
 * Exit codes: 0 success, 1 bad input or failed run, 2 wrong usage.
 */
public final class MiracsMain {
    /** Commands of later phases, shown in the help so the command list reads as the whole tool. */
    private static final Map<String, String> PLANNED = new LinkedHashMap<>();

    static {
    }

    private MiracsMain() {}

    static List<Command> commands() {
        return List.of(new RunCommand(), new MofaCommand(), new EnrichCommand(), new GenerateCommand(), new ReportCommand(),
                new CompareCommand());
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        // a clean stop lets a cluster's executors exit on their own instead of being cut off with the driver
        SparkSession.getDefaultSession().foreach(session -> {
            session.stop();
            return null;
        });
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(help());
            return args.length == 0 ? 2 : 0;
        }
        Command command = commands().stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            if (PLANNED.containsKey(args[0])) {
                err.println("miracs " + args[0] + ": planned for a later release of miracs and not part of this build");
            } else {
                err.println("miracs: unknown command '" + args[0] + "'");
                err.print(help());
            }
            return 2;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(command.usage());
            return 0;
        }
        try {
            return command.execute(rest, out, err);
        } catch (UsageException e) {
            err.println("miracs " + command.name() + ": " + e.getMessage());
            err.print(command.usage());
            return 2;
        } catch (Throwable t) {
            String message = oneLine(t);
            err.println("miracs " + command.name() + ": error: " + message);
            return 1;
        }
    }

    /** The message a user needs: the input or config problem if there is one, else the exception itself. */
    static String oneLine(Throwable t) {
        InputException input = InputException.findIn(t);
        if (input != null) {
            return input.getMessage();
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConfigException || c instanceof RunOutput.OutputException) {
                return c.getMessage();
            }
        }
        return t.toString();
    }

    static String help() {
        StringBuilder sb = new StringBuilder("""
                miracs: drug-resistance programs shared across cancer lineages (MIRACS on Spark)

                usage: bin/miracs <command> [options]        (bin/miracs <command> --help for its options)
                   or: spark-submit --class org.miracs.cli.MiracsMain miracs-job.jar <command> [options]

                commands:
                """);
        for (Command c : commands()) {
            sb.append(String.format("  %-10s %s%n", c.name(), c.summary()));
        }
        if (!PLANNED.isEmpty()) {
            sb.append("\nplanned (later releases):\n");
            PLANNED.forEach((name, what) -> sb.append(String.format("  %-10s %s%n", name, what)));
        }
        return sb.toString();
    }
}
