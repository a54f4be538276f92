package org.miracs.report;

import static org.miracs.testing.MiracsCli.miracs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miracs.testing.MiracsCli.Outcome;
import org.miracs.testing.SparkTestBase;

/**
 * {@code bin/miracs report}: its errors, its output, and the report opened in a real headless browser
 * (Debian's chromium, through .ci/browser-check.sh; skipped only when /usr/bin/chromium is absent,
 * which .ci/run installs).
 */
class ReportCommandAndBrowserTest extends SparkTestBase {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path tmp;


    static void assertOneLineError(Outcome o, String... parts) {
        assertEquals(1, o.code(), o.err());
        String[] lines = o.err().strip().split("\n");
        assertEquals(1, lines.length, o.err());
        Assertions.assertTrue(lines[0].startsWith("miracs report: error: "), lines[0]);
        for (String p : parts) {
            Assertions.assertTrue(lines[0].contains(p), lines[0]);
        }
    }

    @Test
    void missingFolderAndNonRunFolderAreOneLineErrors() throws Exception {
        assertOneLineError(miracs("report", "--results", tmp.resolve("nope").toString()), "nope: no such results folder");
        Files.createDirectories(tmp.resolve("other"));
        Files.writeString(tmp.resolve("other/x.txt"), "x");
        assertOneLineError(miracs("report", "--results", tmp.resolve("other").toString()),
                "not a MIRACS results folder (no run.json)");
        Outcome usage = miracs("report");
        assertEquals(2, usage.code());
        Assertions.assertTrue(usage.err().contains("--results DIR is required"), usage.err());
        Assertions.assertTrue(miracs("--help").out().contains("report"));
        Assertions.assertFalse(miracs("--help").out().contains("planned"));
    }

    @Test
    void rendersTheReportAndItOpensInHeadlessChromium() throws Exception {
        Path base = tmp.resolve("results");
        ReportFixture.write(spark(), base, true);
        Path html = tmp.resolve("elsewhere/my-report.html");
        Outcome o = miracs("report", "--results", base.toString(), "--out", html.toString());
        assertEquals(0, o.code(), o.err());
        Assertions.assertTrue(Files.size(html) > 10_000);
        Assertions.assertTrue(Files.exists(tmp.resolve("elsewhere/figures/fig1a_variance_explained.svg")));
        Assertions.assertTrue(Files.readString(html).contains("href=\"../results/interpret/forest/\""));

        // default location
        assertEquals(0, miracs("report", "--results", base.toString()).code());
        Assertions.assertTrue(Files.exists(base.resolve("report/index.html")));

        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium (CI installs it: .ci/run)");
        Path script = Path.of(".ci/browser-check.sh").toAbsolutePath();
        Path shot = tmp.resolve("screenshot.png");
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", script.toString(), html.toString(), shot.toString()))
                .redirectErrorStream(true);
        pb.environment().put("REQUIRED_FIGURES", "fig1a fig1b fig1c fig2a fig2b fig2c fig2dh");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assertions.assertTrue(p.waitFor(120, TimeUnit.SECONDS), "browser check timed out");
        assertEquals(0, p.exitValue(), log);
        Assertions.assertTrue(log.contains("7 of 7 figures rendered"), log);
        Assertions.assertTrue(Files.size(shot) > 10_000, "screenshot written");
    }
}
