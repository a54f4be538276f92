package org.miracs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staging discipline of a run's output folder, on the local Hadoop file system. */
class RunOutputTest {
    @TempDir
    Path dir;

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void stagesInAHiddenSiblingAndWritesTheMarkerOnlyAfterTheMove() throws IOException {
        Path target = dir.resolve("results");
        RunOutput output = RunOutput.prepare(new Configuration(), target.toString(), false, "abc123");
        output.writeText("run.json", "{}");
        output.writeText("qc/table.tsv", "a\tb\n");

        Path staging = dir.resolve(".results.inprogress-abc123");
        assertEquals(List.of(".results.inprogress-abc123"), names(dir), "nothing but the staging folder before commit");
        assertFalse(Files.exists(staging.resolve(RunOutput.SUCCESS_MARKER)), "the staging folder never holds _SUCCESS");

        output.commit();
        assertEquals(List.of("results"), names(dir));
        assertEquals(List.of(RunOutput.SUCCESS_MARKER, "qc", "run.json"), names(target));
        assertEquals("a\tb\n", Files.readString(target.resolve("qc/table.tsv"), StandardCharsets.UTF_8));
    }

    @Test
    void abortRemovesTheStagingFolderAndLeavesNoTarget() throws IOException {
        RunOutput output = RunOutput.prepare(new Configuration(), dir.resolve("results").toString(), false, "x1");
        output.writeText("run.json", "{}");
        output.abort();
        assertEquals(List.of(), names(dir));
    }

    @Test
    void overwriteReplacesOnlyAMiracsFolder() throws IOException {
        Path target = dir.resolve("results");
        Files.createDirectories(target);
        Files.writeString(target.resolve("notes.txt"), "mine");
        Configuration conf = new Configuration();
        RunOutput.OutputException exists = assertThrows(RunOutput.OutputException.class,
                () -> RunOutput.prepare(conf, target.toString(), false, "r1"));
        assertTrue(exists.getMessage().contains("--overwrite"), exists.getMessage());
        RunOutput.OutputException foreign = assertThrows(RunOutput.OutputException.class,
                () -> RunOutput.prepare(conf, target.toString(), true, "r2"));
        assertTrue(foreign.getMessage().contains("only replaces a MIRACS output folder"), foreign.getMessage());

        Files.delete(target.resolve("notes.txt"));
        Files.writeString(target.resolve(RunOutput.METADATA_FILE), "{}");
        RunOutput again = RunOutput.prepare(conf, target.toString(), true, "r3");
        again.writeText("run.json", "{\"new\": true}");
        again.commit();
        assertEquals("{\"new\": true}", Files.readString(target.resolve("run.json")));
        assertTrue(Files.exists(target.resolve(RunOutput.SUCCESS_MARKER)));
    }
}
