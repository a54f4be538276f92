package org.miracs.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output folder of a run, written so that a failed run never leaves something that looks
 * complete: everything goes to a hidden sibling staging folder, which is renamed to the requested
 * name when the run succeeds, and {@code _SUCCESS} is written into it last. Works on any Hadoop file
 * system; on object stores, where a rename is a copy, the {@code _SUCCESS} marker is the signal.
 */
public final class RunOutput {
    public static final String SUCCESS_MARKER = "_SUCCESS";
    public static final String METADATA_FILE = "run.json";
    private static final Logger LOG = LoggerFactory.getLogger(RunOutput.class);

    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private final boolean overwrite;

    private RunOutput(FileSystem fs, Path target, Path staging, boolean overwrite) {
        this.fs = fs;
        this.target = target;
        this.staging = staging;
        this.overwrite = overwrite;
    }

    /**
     * Checks the target can be written (absent, or a finished MIRACS output with {@code overwrite})
     * and creates an empty staging folder next to it.
     */
    public static RunOutput prepare(Configuration conf, String outDir, boolean overwrite, String runId) throws IOException {
        Path target = new Path(outDir);
        FileSystem fs = target.getFileSystem(conf);
        fs.setWriteChecksum(false); // no .crc side files next to run.json and the TSVs on local disks
        target = fs.makeQualified(target);
        if (fs.exists(target)) {
            if (!overwrite) {
                throw new OutputException(target + ": output folder exists; choose another --out or add --overwrite");
            }
            boolean isRun = fs.exists(new Path(target, SUCCESS_MARKER)) || fs.exists(new Path(target, METADATA_FILE));
            boolean empty = fs.getFileStatus(target).isDirectory() && fs.listStatus(target).length == 0;
            if (!isRun && !empty) {
                throw new OutputException(target + ": --overwrite only replaces a MIRACS output folder (with "
                        + SUCCESS_MARKER + " or " + METADATA_FILE + "); this one is something else");
            }
        }
        Path parent = target.getParent();
        Path staging = new Path(parent, "." + target.getName() + ".inprogress-" + runId);
        if (!fs.mkdirs(staging)) {
            throw new OutputException(staging + ": cannot create the staging folder");
        }
        return new RunOutput(fs, target, staging, overwrite);
    }

    /** Where a table or file of the run goes while the run is in progress. */
    public String stagingPath(String relative) {
        return new Path(staging, relative).toString();
    }

    public String targetPath() {
        return target.toString();
    }

    public void writeText(String relative, String text) throws IOException {
        try (OutputStream out = fs.create(new Path(staging, relative), true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Moves the staged output into place, then marks it complete. On object stores the rename is a
     * copy, object by object: writing {@code _SUCCESS} after it means a copy cut short never carries the
     * marker (copied first, it would, since '_' sorts before the lower-case table folders).
     */
    public void commit() throws IOException {
        if (fs.exists(target)) {
            if (!overwrite) {
                throw new OutputException(target + ": appeared while the run was in progress; results left in " + staging);
            }
            fs.delete(target, true);
        }
        if (!fs.rename(staging, target)) {
            throw new OutputException("cannot move " + staging + " to " + target + "; the complete results are in " + staging);
        }
        try (OutputStream out = fs.create(new Path(target, SUCCESS_MARKER), true)) {
            out.flush();
        }
    }

    /** Removes the staging folder of a failed run (best effort: the missing _SUCCESS already marks it incomplete). */
    public void abort() {
        try {
            fs.delete(staging, true);
        } catch (IOException e) {
            LOG.warn("could not remove the staging folder {}: {}", staging, e.getMessage());
        }
    }

    /** The output folder cannot be used. */
    public static final class OutputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OutputException(String message) {
            super(message);
        }
    }
}
