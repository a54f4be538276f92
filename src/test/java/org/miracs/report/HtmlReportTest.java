package org.miracs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import org.junit.jupiter.api.Assertions;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.miracs.pipeline.RunContext;
import org.miracs.schema.Tables;
import org.miracs.testing.SparkTestBase;
import org.miracs.testing.StageContexts;

/** The HTML report of a small results folder, with and without the phase 4 tables, and the report stage. */
class HtmlReportTest extends SparkTestBase {
    @TempDir
    Path tmp;

    static final List<String> SECTIONS = List.of("id=\"qc\"", "id=\"phase1\"", "id=\"phase2\"", "id=\"phase3\"", "id=\"table1\"",
            "id=\"phase4\"", "id=\"run\"", "id=\"fig1a\"", "id=\"fig1b\"", "id=\"fig1c\"", "id=\"fig2a\"", "id=\"fig2b\"",
            "id=\"fig2c\"", "id=\"fig2dh\"");

    private String render(Path base) throws Exception {
        ReportData data = ReportData.load(spark(), base.toString());
        HtmlReport.write(spark().sparkContext().hadoopConfiguration(), data, base.resolve(HtmlReport.DEFAULT_PATH).toString());
        return Files.readString(base.resolve(HtmlReport.DEFAULT_PATH));
    }

    @Test
    void fullRunHasEverySectionFigureAndLink() throws Exception {
        Path base = tmp.resolve("results");
        ReportFixture.write(spark(), base, true);
        ReportData data = ReportData.load(spark(), base.toString());
        Assertions.assertTrue(data.missing().isEmpty(), data.missing().toString());
        assertEquals(new ReportData.Selection(ReportFixture.SELECTED_FACTOR, ReportFixture.SELECTED_MOA, ReportFixture.SELECTED_DRUG,
                "tozasertib", "interpret tables"), data.selection());
        assertEquals(4, data.correlations().size());
        assertEquals(150, data.correlations().get(0).box().n());
        assertEquals(12, data.forest().size());

        String html = render(base);
        for (String s : SECTIONS) {
            Assertions.assertTrue(html.contains(s), "section " + s);
        }
        assertFalse(html.contains("not computed in this run"), "every table is present");
        assertEquals(7, count(html, "<figure id=\"fig[0-9a-z]+\" class=\"rendered\">"));
        for (ReportFigures.Figure f : ReportFigures.all(data)) {
            Path svg = base.resolve("report/figures").resolve(f.file());
            Assertions.assertTrue(Files.size(svg) > 500, f.file());
            parseXml(Files.readString(svg));
            Assertions.assertTrue(html.contains("href=\"figures/" + f.file() + "\""), f.file());
        }
        // every table section links to its Parquet folder, relative to the HTML file
        for (var t : List.of(Tables.INGESTION_QC, Tables.VARIANCE_EXPLAINED, Tables.CORRELATIONS, Tables.CROSS_LINEAGE_ASSOCIATIONS,
                Tables.PATHWAY_ACTIVITY, Tables.TOP_FEATURES, Tables.FOREST, Tables.SENSITIVITY_LINES, Tables.SENSITIVITY_TESTS)) {
            Assertions.assertTrue(html.contains("href=\"../" + t.path() + "/\""), t.path());
            Assertions.assertTrue(Files.isDirectory(base.resolve("report").resolve("../" + t.path())));
        }
        // Table 1, QC, parameters, versions and timings
        Assertions.assertTrue(html.contains("<td>Aurora kinase inhibitor</td><td>resistance</td><td class=\"n\">4</td><td>Bowel, Breast, Lung, Skin</td>"));
        Assertions.assertTrue(html.contains("lines with RNA and protein"));
        Assertions.assertTrue(html.contains("<th>mofa.factors</th><td>5</td>"));
        Assertions.assertTrue(html.contains("<th>spark_version</th><td>3.5.7</td>"));
        Assertions.assertTrue(html.contains("<td>ingest</td><td class=\"n\">20.5</td>"));
        Assertions.assertTrue(html.contains("tozasertib"));
        // self-contained: no script, stylesheet or image from anywhere; the only URL is the SVG namespace
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("<img"));
        assertEquals(count(html, "http://www\\.w3\\.org/2000/svg"), count(html, "https?://"));
        // every inline SVG is well-formed XML
        Matcher m = Pattern.compile("<svg xmlns=.*?</svg>(?=</div>)", Pattern.DOTALL).matcher(html);
        int svgs = 0;
        while (m.find()) {
            parseXml(m.group());
            svgs++;
        }
        assertEquals(7, svgs);
    }

    @Test
    void runWithoutInterpretTablesSaysSoInsteadOfFailing() throws Exception {
        Path base = tmp.resolve("old");
        ReportFixture.write(spark(), base, false);
        ReportData data = ReportData.load(spark(), base.toString());
        assertEquals(List.of(Tables.TOP_FEATURES, Tables.PATHWAY_ACTIVITY, Tables.FOREST, Tables.SENSITIVITY_LINES,
                Tables.SENSITIVITY_TESTS), data.missing());
        assertEquals(ReportFixture.SELECTED_FACTOR, data.selection().factor(), "strongest resistance association");
        assertEquals(ReportFixture.SELECTED_MOA, data.selection().moa());
        assertNull(data.selection().broadId());

        String html = render(base);
        for (String s : SECTIONS) {
            Assertions.assertTrue(html.contains(s), "section " + s);
        }
        assertEquals(3, count(html, "class=\"rendered\""));
        assertEquals(4, count(html, "class=\"missing\""));
        Assertions.assertTrue(html.contains("<code>interpret/forest</code> <span class=\"absent\">not computed in this run</span>"));
        Assertions.assertTrue(html.contains("Forest plot data (interpret/forest) not computed in this run."));
        assertFalse(Files.exists(base.resolve("report/figures/fig2c_forest.svg")));
        Assertions.assertTrue(Files.exists(base.resolve("report/figures/fig1a_variance_explained.svg")));
    }

    @Test
    void folderWithOnlyRunJsonRendersNotes() throws Exception {
        Path base = tmp.resolve("bare");
        Files.createDirectories(base);
        Files.writeString(base.resolve("run.json"), ReportFixture.runJson());
        String html = render(base);
        assertEquals(7, count(html, "class=\"missing\""));
        Assertions.assertTrue(html.contains("Ingestion QC not computed in this run."));
        Assertions.assertTrue(html.contains("Nothing to interpret"));
    }

    @Test
    void reportStageReadsTheStagingFolderOfARunInProgress() throws Exception {
        RunContext ctx = StageContexts.create(spark(), "unused", tmp.resolve("out"));
        ReportFixture.writeTables(spark(), (t, d) -> ctx.writeTable(t, d), true);
        new ReportStage().run(ctx);
        Path html = Path.of(java.net.URI.create(ctx.output().stagingPath(HtmlReport.DEFAULT_PATH)));
        String text = Files.readString(html);
        assertEquals(7, count(text, "class=\"rendered\""));
        Assertions.assertTrue(text.contains("href=\"../interpret/forest/\""), "relative links survive the rename of the staging folder");
        Assertions.assertTrue(text.contains("<th>command</th><td>test</td>"), "run metadata so far, before run.json exists");
        ctx.output().commit();
        Assertions.assertTrue(Files.exists(tmp.resolve("out/report/index.html")));
        Assertions.assertTrue(Files.exists(tmp.resolve("out/report/figures/fig2c_forest.svg")));
    }

    @Test
    void relativeLinks() {
        assertEquals("..", HtmlReport.relativeLink(new org.apache.hadoop.fs.Path("file:/r/report"), new org.apache.hadoop.fs.Path("file:/r")));
        assertEquals("../r", HtmlReport.relativeLink(new org.apache.hadoop.fs.Path("file:/x"), new org.apache.hadoop.fs.Path("file:/r")));
        assertEquals("s3a://b/r", HtmlReport.relativeLink(new org.apache.hadoop.fs.Path("file:/x"), new org.apache.hadoop.fs.Path("s3a://b/r")));
    }

    static void parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        assertNotNull(f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
