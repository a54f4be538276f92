package org.miracs.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.miracs.cli.MiracsMain;

/** Runs a {@code bin/miracs} command line in the test JVM and captures its exit code and output. */
public final class MiracsCli {
    private MiracsCli() {}

    /** Exit code, standard output and standard error of one command line. */
    public record Outcome(int code, String out, String err) {}

    public static Outcome miracs(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MiracsMain.run(args, new PrintStream(out, true), new PrintStream(err, true));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
