package org.miracs.cli;

import java.io.PrintStream;
import java.util.List;
import org.miracs.sampledata.SampleDataGenerator;

/** {@code miracs generate}: synthetic input files in the real formats, at sample, paper or 10x scale. */
final class GenerateCommand implements Command {
    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "write seeded synthetic DepMap/CCLE/PRISM files in the real formats (sample, paper or 10x scale)";
    }

    @Override
    public String usage() {
        return SampleDataGenerator.USAGE.replace("usage: generate", "usage: bin/miracs generate") + "\n"
                + "  (--out is required here, so the shipped sample-data/ is never overwritten by accident)\n";
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        if (args.stream().noneMatch(a -> a.equals("--out") || a.startsWith("--out="))) {
            throw new UsageException("--out DIR is required");
        }
        int code = SampleDataGenerator.run(out, err, args.toArray(new String[0]));
        if (code == 2) {
            throw new UsageException("bad arguments");
        }
        return code;
    }
}
