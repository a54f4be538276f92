package org.miracs.report.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG primitives: well-formed XML, the expected marks for known input, titles, axis labels and legends. */
class ChartPrimitivesTest {

    static Document parse(Chart chart) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(chart.asFile().getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(Svg.NS, root.getNamespaceURI());
        assertEquals(Svg.num(chart.width()), root.getAttribute("width"));
        return doc;
    }

    static List<Element> byClass(Document doc, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    static List<String> texts(Document doc, String cls) {
        return byClass(doc, cls).stream().map(Element::getTextContent).toList();
    }

    @Test
    void heatmapHasOneCellPerValueLabelsAndColourBar() throws Exception {
        double[][] v = {{1, 2, 3}, {4, Double.NaN, 6}};
        Chart c = new Heatmap("R2 <rna> & co", List.of("Bowel", "Lung"), List.of("1", "2", "3"), v, "Factor", "Group", "R² (%)",
                false, true, "%.1f", Set.of("Lung")).render();
        Document d = parse(c);
        assertEquals(6, byClass(d, "cell").size());
        assertEquals(List.of("Bowel", "Lung"), texts(d, "row-label"));
        assertEquals(List.of("1", "2", "3"), texts(d, "column-label"));
        assertEquals(List.of("Factor", "Group"), texts(d, "axis-label"));
        assertEquals(List.of("R2 <rna> & co"), texts(d, "chart-title"), "title escaped and kept");
        assertEquals(5, byClass(d, "cell-value").size(), "missing cell not annotated");
        assertEquals(Colors.MISSING, byClass(d, "cell").get(4).getAttribute("fill"));
        assertTrue(byClass(d, "colour-step").size() > 10);
        assertTrue(texts(d, "legend-title").contains("R² (%)"));
        assertTrue(byClass(d, "row-label").get(1).getAttribute("font-weight").equals("700"), "highlighted row");
    }

    @Test
    void divergingHeatmapIsSymmetricAroundZero() throws Exception {
        Chart c = new Heatmap("t", List.of("a"), List.of("x", "y"), new double[][] {{-2, 2}}, null, null, null, true, false,
                null, null).render();
        Document d = parse(c);
        List<Element> cells = byClass(d, "cell");
        assertEquals(Colors.diverging(-1), cells.get(0).getAttribute("fill"));
        assertEquals(Colors.diverging(1), cells.get(1).getAttribute("fill"));
    }

    @Test
    void barChartDrawsBarsMarksZeroLineAndAxis() throws Exception {
        BarChart b = new BarChart("Pathways", "ULM t-score").note("* p_adj < 0.05");
        b.add("p53", 3.5, "**", false, null).add("NFkB", -2.0, null, false, null).add("TNFa", 1.0, "*", true, null);
        Document d = parse(b.render());
        List<Element> bars = byClass(d, "bar");
        assertEquals(3, bars.size());
        assertEquals(Colors.POSITIVE, bars.get(0).getAttribute("fill"));
        assertEquals(Colors.NEGATIVE, bars.get(1).getAttribute("fill"));
        assertEquals(Colors.HIGHLIGHT, bars.get(2).getAttribute("fill"));
        assertEquals(List.of("**", "*"), texts(d, "bar-mark"));
        assertEquals(List.of("p53", "NFkB", "TNFa"), texts(d, "bar-label"));
        assertEquals(List.of("ULM t-score"), texts(d, "axis-label"));
        assertTrue(texts(d, "tick-label").containsAll(List.of("-2", "0", "2", "4")), texts(d, "tick-label").toString());
        assertEquals(1, byClass(d, "zero").size());
        // the negative bar ends at the zero line, the positive one starts there
        double zero = Double.parseDouble(byClass(d, "zero").get(0).getAttribute("x1"));
        Element neg = bars.get(1);
        assertEquals(zero, Double.parseDouble(neg.getAttribute("x")) + Double.parseDouble(neg.getAttribute("width")), 0.02);
        assertEquals(zero, Double.parseDouble(bars.get(0).getAttribute("x")), 0.02);
    }

    @Test
    void boxPlotWithPointsAndPrecomputedBoxes() throws Exception {
        BoxPlot p = new BoxPlot("Factor 3", "Lineage", "Factor value").series("sensitive", "#00f").series("resistant", "#f00")
                .referenceLine(0);
        p.add("Bowel", "sensitive", new double[] {-1, -0.5, 0, 0.2}).add("Bowel", "resistant", new double[] {1, 1.5, 2});
        p.add("Lung", "sensitive", new BoxStats(100, -1, -0.5, 0, 0.5, 1));
        p.note("Bowel", "p = 0.03");
        Document d = parse(p.render());
        assertEquals(3, byClass(d, "box").size());
        assertEquals(7, byClass(d, "point").size(), "points only for raw values");
        assertEquals(3, byClass(d, "median").size());
        assertEquals(List.of("Bowel", "Lung"), texts(d, "group-label"));
        assertEquals(List.of("p = 0.03"), texts(d, "group-note"));
        assertEquals(List.of("Factor value", "Lineage"), texts(d, "axis-label"));
        assertEquals(List.of("sensitive", "resistant"), texts(d, "legend-label"));
        assertEquals(1, byClass(d, "reference").size());
    }

    @Test
    void boxStatsUseNumpyQuartilesAndTukeyWhiskers() {
        BoxStats b = BoxStats.of(new double[] {1, 2, 3, 4, 100});
        assertEquals(2, b.q1(), 1e-12);
        assertEquals(3, b.median(), 1e-12);
        assertEquals(4, b.q3(), 1e-12);
        assertEquals(1, b.lowerWhisker(), 1e-12);
        assertEquals(4, b.upperWhisker(), 1e-12, "100 is beyond 1.5 IQR");
        assertEquals(5, b.n());
    }

    @Test
    void forestPlotHasSectionsEstimatesIntervalsAndLegend() throws Exception {
        ForestPlot f = new ForestPlot("Forest", "Pearson r").domain(-1, 1);
        f.add("tozasertib", "Bowel", 0.5, 0.1, 0.8, "Bowel", null).add("tozasertib", "Lung", -0.2, -0.7, 0.4, "Lung", null)
                .add("alisertib", "Bowel", 0.3, -0.1, 0.6, "Bowel", null);
        Document d = parse(f.render());
        assertEquals(3, byClass(d, "estimate").size());
        assertEquals(3, byClass(d, "ci").size());
        assertEquals(6, byClass(d, "ci-cap").size());
        assertEquals(List.of("tozasertib", "alisertib"), texts(d, "section-label"));
        assertEquals(List.of("Bowel", "Lung"), texts(d, "legend-label"));
        assertEquals(List.of("Pearson r"), texts(d, "axis-label"));
        assertTrue(texts(d, "tick-label").containsAll(List.of("-1.0", "0.0", "1.0")), texts(d, "tick-label").toString());
        assertTrue(texts(d, "estimate-label").contains("0.50 [0.10, 0.80]"));
        // same category, same colour
        assertEquals(byClass(d, "estimate").get(0).getAttribute("fill"), byClass(d, "estimate").get(2).getAttribute("fill"));
    }

    @Test
    void panelsNestChartsInOneDocument() throws Exception {
        Chart a = new BarChart("A", "x").add("a", 1, null, false, null).render();
        Chart b = new BarChart("B", "x").add("b", -1, null, false, null).render();
        Chart grid = Panels.grid("Two panels", List.of(a, b), 2000);
        Document d = parse(grid);
        assertEquals(2, byClass(d, "panel").size());
        assertEquals(2, byClass(d, "bar").size());
        assertEquals(List.of("Two panels"), texts(d, "figure-title"));
        assertEquals(a.width() + 10 + b.width(), grid.width(), 1e-9);
    }

    @Test
    void emptyInputStillGivesAValidChart() throws Exception {
        parse(new BarChart("none", "x").render());
        parse(new BoxPlot("none", null, null).render());
        parse(new ForestPlot("none", "r").render());
        parse(new Heatmap("none", List.of(), List.of(), new double[0][], null, null, null, false, false, null, null).render());
    }

    @Test
    void niceScalesAndTickLabels() {
        LinearScale s = LinearScale.nice(0, 4, 0, 100, 5);
        assertEquals(0, s.d0(), 0);
        assertEquals(4, s.d1(), 0);
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0), s.ticks(5));
        assertEquals("2.5", LinearScale.label(2.5, 2.5));
        assertEquals("0.0", LinearScale.label(-0.0, 0.5));
        assertEquals("0", Svg.num(Double.NaN));
        assertEquals("1.25", Svg.num(1.2500001));
    }
}
