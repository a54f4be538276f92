package org.miracs.sampledata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {

    @TempDir
    static Path tmp;

    static Path dir;
    static GenerationResult result;
    static List<List<String>> model;
    static List<List<String>> prism;
    static List<List<String>> prot;

    @BeforeAll
    static void generate() throws IOException {
        dir = tmp.resolve("a");
        result = SampleDataGenerator.generate(GeneratorSpec.of(Scale.SAMPLE), dir);
        model = TestCsv.read(dir.resolve(SampleDataGenerator.MODEL_FILE), ',');
        prism = TestCsv.read(dir.resolve(SampleDataGenerator.PRISM_FILE), ',');
        prot = TestCsv.read(dir.resolve(SampleDataGenerator.PROTEOMICS_FILE), ',');
    }

    private static List<Path> dataFiles(Path d) throws IOException {
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("README.md"))
                    .sorted().collect(Collectors.toList());
        }
    }

    // ------------------------------------------------------------------ determinism

    @Test
    void sameSeedGivesIdenticalBytesAndOtherSeedDiffers() throws IOException {
        Path b = tmp.resolve("b");
        SampleDataGenerator.generate(GeneratorSpec.of(Scale.SAMPLE), b);
        List<Path> fa = dataFiles(dir);
        List<Path> fb = dataFiles(b);
        assertEquals(fa.stream().map(p -> dir.relativize(p).toString()).collect(Collectors.toList()),
                fb.stream().map(p -> b.relativize(p).toString()).collect(Collectors.toList()));
        assertEquals(12, fa.size());
        for (int i = 0; i < fa.size(); i++) {
            assertArrayEquals(Files.readAllBytes(fa.get(i)), Files.readAllBytes(fb.get(i)), fa.get(i).toString());
        }
        Path c = tmp.resolve("c");
        SampleDataGenerator.generate(GeneratorSpec.of(Scale.SAMPLE, 7L, ExpressionLayout.LEGACY), c);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve(SampleDataGenerator.PRISM_FILE)),
                Files.readAllBytes(c.resolve(SampleDataGenerator.PRISM_FILE))));
    }

    /** The committed sample-data/ must be exactly what the generator produces (regenerate it if this fails). */
    @Test
    void committedSampleDataIsUpToDate() throws IOException {
        Path committed = Paths.get("sample-data");
        if (!Files.isDirectory(committed)) {
            return; // running outside the project root
        }
        for (Path f : dataFiles(dir)) {
            Path other = committed.resolve(dir.relativize(f).toString());
            assertTrue(Files.exists(other), "missing committed " + other);
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), "stale committed " + other);
        }
    }

    // ------------------------------------------------------------------ Model.csv

    @Test
    void modelCsvHas47QuotedColumnsAndQuirks() throws IOException {
        String header = TestCsv.firstLine(dir.resolve("Model.csv"));
        assertTrue(header.startsWith("\"ModelID\",\"PatientID\",\"CellLineName\",\"StrippedCellLineName\""));
        List<String> h = model.get(0);
        assertEquals(47, h.size());
        assertEquals(ModelFileWriter.COLUMNS, h);
        assertEquals("COSMICID", h.get(46));
        for (List<String> r : model) {
            assertEquals(47, r.size());
        }
        int id = h.indexOf("ModelID");
        int lin = h.indexOf("OncotreeLineage");
        int ccle = h.indexOf("CCLEName");
        int comments = h.indexOf("PublicComments");
        List<List<String>> rows = model.subList(1, model.size());
        assertTrue(rows.stream().allMatch(r -> r.get(id).matches("ACH-\\d{6}")));
        assertEquals(rows.size(), rows.stream().map(r -> r.get(id)).distinct().count());
        assertTrue(rows.stream().anyMatch(r -> r.get(ccle).equals("NA")), "NA CCLEName");
        assertTrue(rows.stream().anyMatch(r -> r.get(lin).equals("NA")), "NA OncotreeLineage");
        assertTrue(rows.stream().anyMatch(r -> r.get(comments).contains(",")), "comma in PublicComments");
        assertTrue(rows.stream().anyMatch(r -> r.get(comments).contains("\"")), "quote in PublicComments");
        Set<String> lineages = rows.stream().map(r -> r.get(lin)).collect(Collectors.toSet());
        assertTrue(lineages.containsAll(List.of("Ovary/Fallopian Tube", "Esophagus/Stomach", "CNS/Brain",
                "Head and Neck", "Bowel", "Breast", "Lung")));
        // raw text: strings quoted, NA and Age unquoted
        List<String> lines = Files.readAllLines(dir.resolve("Model.csv"), StandardCharsets.UTF_8);
        assertTrue(lines.get(1).startsWith("\"ACH-"));
        assertTrue(lines.stream().anyMatch(l -> l.contains(",NA,")));
        assertTrue(lines.stream().anyMatch(l -> l.matches(".*,\"CVCL_\\w{4}\",\\d+,\"Adult\",.*")), "bare Age");
        assertTrue(rows.stream().anyMatch(r -> r.get(ccle).equals("SW948_LARGE_INTESTINE")));
    }

    // ------------------------------------------------------------------ expression

    @Test
    void legacyExpressionHeaderAndValues() throws IOException {
        Path f = dir.resolve(SampleDataGenerator.EXPRESSION_LEGACY_FILE);
        List<List<String>> e = TestCsv.read(f, ',');
        List<String> h = e.get(0);
        assertEquals("", h.get(0), "first header cell must be empty");
        assertTrue(TestCsv.firstLine(f).startsWith(",TSPAN6 (7105),"));
        assertEquals(401, h.size());
        Pattern col = Pattern.compile("[A-Za-z0-9-]+ \\(\\d+\\)");
        for (String c : h.subList(1, h.size())) {
            assertTrue(col.matcher(c).matches(), c);
        }
        assertTrue(h.contains("HLA-A (3105)") || h.contains("C1orf112 (55732)"));
        Set<String> modelIds = model.stream().skip(1).map(r -> r.get(0)).collect(Collectors.toSet());
        assertEquals(result.count("expression_rows"), e.size() - 1);
        for (List<String> r : e.subList(1, e.size())) {
            assertTrue(modelIds.contains(r.get(0)), "RNA id not in Model.csv: " + r.get(0));
            assertEquals(401, r.size());
            for (int i = 1; i < r.size(); i++) {
                String v = r.get(i);
                assertTrue(v.matches("\\d+\\.\\d{6}"), v);
            }
        }
        long protLines = result.count("proteomics_lines");
        assertTrue(e.size() - 1 >= 1.4 * protLines, "RNA covers more lines than proteomics");
    }

    @Test
    void layout2025HasIdColumnsAndNonDefaultRuns() throws IOException {
        Path d = tmp.resolve("l2025");
        GenerationResult r = SampleDataGenerator.generate(
                GeneratorSpec.of(Scale.SAMPLE, GeneratorSpec.DEFAULT_SEED, ExpressionLayout.V2025), d);
        Path f = d.resolve(SampleDataGenerator.EXPRESSION_2025_FILE);
        assertFalse(Files.exists(d.resolve(SampleDataGenerator.EXPRESSION_LEGACY_FILE)));
        List<List<String>> e = TestCsv.read(f, ',');
        assertEquals(List.of("SequencingID", "ModelID", "IsDefaultEntryForModel", "ModelConditionID",
                "IsDefaultEntryForMC", "TSPAN6 (7105)"), e.get(0).subList(0, 6));
        List<List<String>> rows = e.subList(1, e.size());
        long defaults = rows.stream().filter(x -> x.get(2).equals("Yes")).count();
        long nonDefault = rows.stream().filter(x -> x.get(2).equals("No")).count();
        assertEquals(r.count("expression_models"), defaults);
        assertEquals(5, nonDefault);
        assertEquals(defaults, rows.stream().filter(x -> x.get(2).equals("Yes")).map(x -> x.get(1)).distinct()
                .count());
        assertTrue(rows.stream().allMatch(x -> x.get(0).matches("CDS-[0-9A-Za-z]{6}")));
        assertTrue(rows.stream().allMatch(x -> x.get(3).matches("MC-\\d{6}-[0-9a-z]{4}")));
        // the non-default run comes first, so "take the first row per model" is wrong
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get(2).equals("No")) {
                assertEquals(rows.get(i).get(1), rows.get(i + 1).get(1));
                assertEquals("Yes", rows.get(i + 1).get(2));
            }
        }
        // the other files do not depend on the expression layout
        assertArrayEquals(Files.readAllBytes(dir.resolve(SampleDataGenerator.PRISM_FILE)),
                Files.readAllBytes(d.resolve(SampleDataGenerator.PRISM_FILE)));
    }

    // ------------------------------------------------------------------ proteomics

    @Test
    void proteomicsHeaderPlexesAndDuplicatedLines() {
        List<String> h = prot.get(0);
        assertEquals(List.of("Protein_Id", "Gene_Symbol", "Description", "Group_ID", "Uniprot", "Uniprot_Acc"),
                h.subList(0, 6));
        List<String> pep = new ArrayList<>();
        int i = 6;
        while (h.get(i).endsWith("_Peptides")) {
            assertTrue(h.get(i).matches("TenPx\\d{2,3}_Peptides"), h.get(i));
            pep.add(h.get(i++));
        }
        List<String> sorted = new ArrayList<>(pep);
        sorted.sort(null);
        assertNotEquals(sorted, pep, "peptide columns must not be in numeric order");
        List<String> samples = h.subList(i, h.size());
        assertEquals(result.count("proteomics_sample_columns"), samples.size());
        assertEquals(result.count("proteomics_lines") + 3, samples.size());
        Pattern col = Pattern.compile("([A-Z0-9]+_[A-Z_]+)_(TenPx\\d{2,3})");
        Map<String, List<String>> plexesByLine = new TreeMap<>();
        for (String s : samples) {
            Matcher m = col.matcher(s);
            assertTrue(m.matches(), s);
            assertTrue(pep.contains(m.group(2) + "_Peptides"));
            plexesByLine.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
        }
        Map<String, List<String>> twice = new TreeMap<>();
        plexesByLine.forEach((k, v) -> {
            if (v.size() > 1) {
                twice.put(k, v);
            }
        });
        assertEquals(Set.of("SW948_LARGE_INTESTINE", "CAL120_BREAST", "HCT15_LARGE_INTESTINE"), twice.keySet());
        assertTrue(twice.get("SW948_LARGE_INTESTINE").contains("TenPx20"));
        assertTrue(twice.get("CAL120_BREAST").contains("TenPx28"));
        assertTrue(twice.get("HCT15_LARGE_INTESTINE").contains("TenPx18"));
        twice.values().forEach(v -> assertEquals(2, v.size()));
        // unmapped proteomics lines: CCLEName absent from Model.csv
        int ccle = model.get(0).indexOf("CCLEName");
        Set<String> modelNames = model.stream().skip(1).map(r -> r.get(ccle)).collect(Collectors.toSet());
        long unmapped = plexesByLine.keySet().stream().filter(n -> !modelNames.contains(n)).count();
        assertEquals(2, unmapped);
        // ~10 lines per plex
        Map<String, Long> perPlex = samples.stream().collect(Collectors.groupingBy(
                s -> s.substring(s.lastIndexOf('_') + 1), Collectors.counting()));
        perPlex.values().forEach(n -> assertTrue(n >= 9 && n <= 10, "plex size " + n));
    }

    @Test
    void proteomicsValuesMissingnessAndIsoforms() {
        List<String> h = prot.get(0);
        int first = h.size() - (int) result.count("proteomics_sample_columns");
        int kept = 0;
        int emptySymbol = 0;
        boolean negative = false;
        boolean positive = false;
        Map<String, Integer> geneRows = new HashMap<>();
        boolean isoformId = false;
        boolean quotedDescription = false;
        for (List<String> r : prot.subList(1, prot.size())) {
            assertEquals(h.size(), r.size());
            assertTrue(r.get(0).matches("(sp|tr)\\|[A-Z0-9]+(-\\d)?\\|[A-Z0-9]+_HUMAN"), r.get(0));
            isoformId |= r.get(0).matches("sp\\|[A-Z0-9]+-\\d\\|.*");
            quotedDescription |= r.get(2).contains(",");
            if (r.get(1).isEmpty()) {
                emptySymbol++;
            } else {
                geneRows.merge(r.get(1), 1, Integer::sum);
            }
            int obs = 0;
            for (int i = first; i < r.size(); i++) {
                String v = r.get(i);
                if (v.equals("NaN")) {
                    continue;
                }
                double x = Double.parseDouble(v);
                negative |= x < 0;
                positive |= x > 0;
                obs++;
            }
            if (2 * obs >= r.size() - first) {
                kept++;
            }
        }
        assertEquals(260, prot.size() - 1);
        assertEquals(result.count("proteomics_rows_ge50pct_observed"), kept);
        assertTrue(kept < 260 && kept > 240, "50% filter removes a minority: kept " + kept);
        assertTrue(emptySymbol >= 2);
        assertTrue(geneRows.values().stream().anyMatch(n -> n > 1), "isoforms share a gene symbol");
        assertTrue(isoformId);
        assertTrue(quotedDescription);
        assertTrue(negative && positive);
    }

    // ------------------------------------------------------------------ PRISM

    @Test
    void prismHeaderScreensAndQuirks() throws IOException {
        assertEquals("broad_id,depmap_id,ccle_name,screen_id,upper_limit,lower_limit,slope,r2,auc,ec50,ic50,name,"
                + "moa,target,disease.area,indication,smiles,phase,passed_str_profiling,row_name",
                TestCsv.firstLine(dir.resolve(SampleDataGenerator.PRISM_FILE)));
        List<String> h = prism.get(0);
        assertEquals(20, h.size());
        List<List<String>> rows = prism.subList(1, prism.size());
        for (List<String> r : rows) {
            assertEquals(20, r.size());
        }
        Map<String, Set<String>> screens = new HashMap<>();
        Map<String, Integer> perKey = new HashMap<>();
        Set<String> depmapIds = new HashSet<>();
        int naDepmap = 0;
        int failedStr = 0;
        int naAuc = 0;
        int naMoa = 0;
        int naEc50 = 0;
        int naIc50 = 0;
        for (List<String> r : rows) {
            assertTrue(r.get(0).matches("BRD-[KAM]\\d{8}-\\d{3}-\\d{2}-\\d"), r.get(0));
            assertTrue(Set.of("HTS002", "MTS005", "MTS006", "MTS010").contains(r.get(3)));
            screens.computeIfAbsent(r.get(0), k -> new HashSet<>()).add(r.get(3));
            if (r.get(1).equals("NA")) {
                naDepmap++;
                assertTrue(r.get(2).matches("[A-Z0-9]+_[A-Z_]+"));
                assertEquals(r.get(2), r.get(19));
            } else {
                depmapIds.add(r.get(1));
                assertEquals(r.get(1), r.get(19));
                perKey.merge(r.get(0) + "|" + r.get(1) + "|" + r.get(3), 1, Integer::sum);
            }
            failedStr += r.get(18).equals("FALSE") ? 1 : 0;
            assertTrue(r.get(18).equals("TRUE") || r.get(18).equals("FALSE"));
            if (r.get(8).equals("NA")) {
                naAuc++;
            } else {
                double auc = Double.parseDouble(r.get(8));
                assertTrue(auc > 0 && auc < 1.5, "auc " + auc);
            }
            naMoa += r.get(12).equals("NA") ? 1 : 0;
            naEc50 += r.get(9).equals("NA") ? 1 : 0;
            naIc50 += r.get(10).equals("NA") ? 1 : 0;
        }
        assertTrue(naDepmap > 0 && failedStr > 0 && naAuc > 0 && naMoa > 0 && naEc50 > 0 && naIc50 > 0);
        long multi = screens.values().stream().filter(s -> s.size() >= 2).count();
        assertTrue(multi >= 20, "compounds in several screens: " + multi);
        assertEquals(4, screens.values().stream().flatMap(Set::stream).distinct().count());
        assertEquals(120, screens.size());
        // PR500/PR300 duplicates inside MTS010 only
        Set<String> dupScreens = perKey.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey().substring(e.getKey().lastIndexOf('|') + 1)).collect(Collectors.toSet());
        assertEquals(Set.of("MTS010"), dupScreens);
        // every depmap_id is a Model.csv model
        Set<String> modelIds = model.stream().skip(1).map(r -> r.get(0)).collect(Collectors.toSet());
        assertTrue(modelIds.containsAll(depmapIds));
        // raw text: multi-valued fields are quoted with ", "
        String text = Files.readString(dir.resolve(SampleDataGenerator.PRISM_FILE));
        assertTrue(text.contains(",\"topoisomerase inhibitor, DNA inhibitor\","));
        assertTrue(Pattern.compile(",\"[A-Z0-9]+, [A-Z0-9]+[^\"]*\",oncology,").matcher(text).find(),
                "multi-valued target");
    }

    @Test
    void moaStructure() {
        int moaCol = prism.get(0).indexOf("moa");
        Map<String, Set<String>> members = new HashMap<>();
        for (List<String> r : prism.subList(1, prism.size())) {
            if (r.get(moaCol).equals("NA")) {
                continue;
            }
            for (String m : r.get(moaCol).split(", ")) {
                members.computeIfAbsent(m, k -> new HashSet<>()).add(r.get(0));
            }
        }
        assertEquals(25, members.size());
        assertTrue(members.values().stream().filter(s -> s.size() >= 6).count() >= 6);
        for (String m : List.of("topoisomerase inhibitor", "Aurora kinase inhibitor", "HSP inhibitor")) {
            assertTrue(members.get(m).size() >= 6, m);
        }
        assertEquals(25, result.count("prism_moas"));
        assertEquals(120, result.count("prism_compounds"));
    }

    // ------------------------------------------------------------------ cohort shape

    @Test
    void sampleScaleCohort() throws IOException {
        assertEquals(96, result.count("lines_rna_and_proteomics"));
        assertEquals(7, result.count("lineages_with_proteomics"));
        assertEquals(400, result.count("expression_genes"));
        List<List<String>> lp = TestCsv.read(dir.resolve("truth/line_programs.tsv"), '\t');
        List<String> h = lp.get(0);
        int lin = h.indexOf("oncotree_lineage");
        int rna = h.indexOf("in_rna");
        int pr = h.indexOf("in_proteomics");
        int pz = h.indexOf("in_prism");
        Map<String, int[]> perLineage = new LinkedHashMap<>();
        int protMapped = 0;
        int protInPrism = 0;
        for (List<String> r : lp.subList(1, lp.size())) {
            if (r.get(rna).equals("TRUE") && r.get(pr).equals("TRUE")) {
                perLineage.computeIfAbsent(r.get(lin), k -> new int[1])[0]++;
            }
            if (r.get(pr).equals("TRUE") && !r.get(0).equals("NA")) {
                protMapped++;
                protInPrism += r.get(pz).equals("TRUE") ? 1 : 0;
            }
        }
        assertEquals(7, perLineage.size());
        long main = perLineage.values().stream().filter(c -> c[0] >= 14 && c[0] <= 18).count();
        assertEquals(6, main);
        assertEquals(2, perLineage.get("Head and Neck")[0]);
        double coverage = (double) protInPrism / protMapped;
        assertTrue(coverage > 0.8 && coverage < 0.9, "PRISM coverage of proteomics lines " + coverage);
    }

    // ------------------------------------------------------------------ planted biology

    /** Within-lineage Spearman(P, AUC) is ~0.55 for the resistance MoAs and ~0 otherwise. */
    @Test
    void plantedResistanceProgramDrivesAuc() throws IOException {
        Map<String, Double> p = new HashMap<>();
        Map<String, String> lineage = new HashMap<>();
        List<List<String>> rp = TestCsv.read(dir.resolve("truth/resistance_program.tsv"), '\t');
        for (List<String> r : rp.subList(1, rp.size())) {
            if (!r.get(0).equals("NA")) {
                p.put(r.get(0), Double.parseDouble(r.get(3)));
                lineage.put(r.get(0), r.get(2));
            }
        }
        Set<String> resistant = new HashSet<>();
        List<List<String>> comp = TestCsv.read(dir.resolve("truth/compounds.tsv"), '\t');
        for (List<String> r : comp.subList(1, comp.size())) {
            if (r.get(3).equals("TRUE")) {
                resistant.add(r.get(0));
            }
        }
        // mean AUC per (compound, line) over screens/panels, STR-passed rows only
        Map<String, Map<String, double[]>> auc = new HashMap<>();
        for (List<String> r : prism.subList(1, prism.size())) {
            if (r.get(8).equals("NA") || r.get(1).equals("NA") || r.get(18).equals("FALSE")) {
                continue;
            }
            double[] s = auc.computeIfAbsent(r.get(0), k -> new HashMap<>())
                    .computeIfAbsent(r.get(1), k -> new double[2]);
            s[0] += Double.parseDouble(r.get(8));
            s[1]++;
        }
        double sumRes = 0;
        int nRes = 0;
        double sumOther = 0;
        int nOther = 0;
        for (Map.Entry<String, Map<String, double[]>> e : auc.entrySet()) {
            Map<String, List<String>> byLineage = new HashMap<>();
            for (String m : e.getValue().keySet()) {
                byLineage.computeIfAbsent(lineage.get(m), k -> new ArrayList<>()).add(m);
            }
            for (List<String> ms : byLineage.values()) {
                if (ms.size() < 10) {
                    continue;
                }
                double[] a = new double[ms.size()];
                double[] z = new double[ms.size()];
                for (int i = 0; i < ms.size(); i++) {
                    double[] s = e.getValue().get(ms.get(i));
                    a[i] = s[0] / s[1];
                    z[i] = p.get(ms.get(i));
                }
                double rho = TestCsv.spearman(z, a);
                if (resistant.contains(e.getKey())) {
                    sumRes += rho;
                    nRes++;
                } else {
                    sumOther += rho;
                    nOther++;
                }
            }
        }
        double meanRes = sumRes / nRes;
        double meanOther = sumOther / nOther;
        assertTrue(nRes >= 60, "resistance drug x lineage pairs " + nRes);
        assertTrue(meanRes > 0.45 && meanRes < 0.7, "mean within-lineage Spearman(P, AUC) " + meanRes);
        assertTrue(Math.abs(meanOther) < 0.1, "non-resistance drugs " + meanOther);
    }

    /** P is carried by the module genes (RNA) and their proteins, not by other genes. */
    @Test
    void plantedProgramLoadsOnModuleGenesAndProteins() throws IOException {
        Map<String, Double> p = new HashMap<>();
        List<List<String>> rp = TestCsv.read(dir.resolve("truth/resistance_program.tsv"), '\t');
        for (List<String> r : rp.subList(1, rp.size())) {
            p.put(r.get(0).equals("NA") ? r.get(1) : r.get(0), Double.parseDouble(r.get(3)));
        }
        List<List<String>> genes = TestCsv.read(dir.resolve("truth/program_genes.tsv"), '\t');
        Map<String, Double> pGenes = new HashMap<>();
        Set<String> pProteins = new HashSet<>();
        for (List<String> r : genes.subList(1, genes.size())) {
            if (r.get(0).equals("P")) {
                pGenes.put(r.get(3), Double.parseDouble(r.get(4)));
                if (!r.get(5).equals("NA")) {
                    pProteins.addAll(List.of(r.get(5).split(";")));
                }
            }
        }
        assertEquals(40, pGenes.size());
        assertTrue(pProteins.size() >= 25);
        List<List<String>> e = TestCsv.read(dir.resolve(SampleDataGenerator.EXPRESSION_LEGACY_FILE), ',');
        List<String> h = e.get(0);
        double module = 0;
        int nm = 0;
        double other = 0;
        int no = 0;
        for (int c = 1; c < h.size(); c++) {
            double[] x = new double[e.size() - 1];
            double[] z = new double[e.size() - 1];
            for (int i = 1; i < e.size(); i++) {
                x[i - 1] = Double.parseDouble(e.get(i).get(c));
                z[i - 1] = p.get(e.get(i).get(0));
            }
            double r = TestCsv.pearson(z, x);
            Double loading = pGenes.get(h.get(c));
            if (loading != null) {
                module += Math.signum(loading) * r;
                nm++;
            } else {
                other += Math.abs(r);
                no++;
            }
        }
        assertEquals(40, nm);
        assertTrue(module / nm > 0.4, "RNA module genes vs P " + module / nm);
        assertTrue(other / no < 0.12, "other genes vs P " + other / no);
        // proteins of module genes
        List<String> ph = prot.get(0);
        double protCorr = 0;
        int np = 0;
        for (List<String> r : prot.subList(1, prot.size())) {
            if (!pProteins.contains(r.get(0))) {
                continue;
            }
            List<Double> xs = new ArrayList<>();
            List<Double> zs = new ArrayList<>();
            for (int c = ph.size() - (int) result.count("proteomics_sample_columns"); c < ph.size(); c++) {
                if (r.get(c).equals("NaN")) {
                    continue;
                }
                String name = ph.get(c).substring(0, ph.get(c).lastIndexOf('_'));
                Double z = lookupByCcle(name, p);
                if (z != null) {
                    xs.add(Double.parseDouble(r.get(c)));
                    zs.add(z);
                }
            }
            double corr = TestCsv.pearson(zs.stream().mapToDouble(Double::doubleValue).toArray(),
                    xs.stream().mapToDouble(Double::doubleValue).toArray());
            double sign = Math.signum(pGenes.get(r.get(1) + " (" + entrezOf(genes, r.get(1)) + ")"));
            protCorr += sign * corr;
            np++;
        }
        assertTrue(protCorr / np > 0.35, "module proteins vs P " + protCorr / np);
    }

    private static Map<String, String> ccleToModel;

    private static Double lookupByCcle(String ccle, Map<String, Double> p) throws IOException {
        if (ccleToModel == null) {
            ccleToModel = new HashMap<>();
            List<List<String>> lp = TestCsv.read(dir.resolve("truth/line_programs.tsv"), '\t');
            for (List<String> r : lp.subList(1, lp.size())) {
                ccleToModel.put(r.get(1), r.get(0).equals("NA") ? r.get(1) : r.get(0));
            }
        }
        String key = ccleToModel.get(ccle);
        return key == null ? null : p.get(key);
    }

    private static String entrezOf(List<List<String>> genes, String symbol) {
        for (List<String> r : genes) {
            if (r.get(1).equals(symbol)) {
                return r.get(2);
            }
        }
        throw new AssertionError(symbol);
    }

    // ------------------------------------------------------------------ small units

    @Test
    void numberFormatting() {
        assertEquals("3.141593", Fmt.fixed(Math.PI, 6));
        assertEquals("0.000000", Fmt.fixed(-1e-9, 6));
        assertEquals("-2.500000", Fmt.fixed(-2.5, 6));
        assertEquals("0.873456", Fmt.sig(0.8734561, 6));
        assertEquals("1", Fmt.sig(1.0, 6));
        assertEquals("-1.2", Fmt.sig(-1.2, 6));
        assertEquals("123457", Fmt.sig(123456.7, 6));
        assertEquals("1e+07", Fmt.sig(9999999.9, 6));
        assertEquals("3.5e-06", Fmt.sig(3.5e-6, 6));
        assertEquals("0.000123457", Fmt.sig(0.0001234567, 6));
        assertEquals("10", Fmt.sig(9.9999999, 6));
        assertEquals("NaN", Fmt.sig(Double.NaN, 6));
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 2000; i++) {
            double v = (r.nextDouble() - 0.5) * StrictMath.pow(10, r.nextInt(14) - 7);
            assertEquals(v, Double.parseDouble(Fmt.sig(v, 6)), Math.abs(v) * 1e-5 + 1e-300);
        }
    }

    @Test
    void curveParametersReproduceAuc() {
        SplittableRandom r = new SplittableRandom(3);
        double[] out = new double[6];
        for (int i = 0; i < 500; i++) {
            double auc = 0.05 + 1.4 * r.nextDouble();
            Curve.fit(auc, r, out);
            double ec50 = Double.isNaN(out[Curve.EC50]) ? Double.NaN : out[Curve.EC50];
            if (!Double.isNaN(ec50)) {
                assertEquals(auc, Curve.auc(out[Curve.UPPER], out[Curve.LOWER], out[Curve.SLOPE], ec50), 1e-6);
            }
            assertTrue(out[Curve.LOWER] < auc && out[Curve.UPPER] > auc - 1e-12);
        }
    }

    @Test
    void cliParsing() {
        SampleDataGenerator.Command c = SampleDataGenerator.parseArgs("--scale", "10x", "--seed", "5", "--out",
                "x", "--expression-layout=2025");
        assertEquals(Scale.TEN_X, c.spec().scale());
        assertEquals(5L, c.spec().seed());
        assertEquals(ExpressionLayout.V2025, c.spec().layout());
        assertEquals(Paths.get("x"), c.outDir());
        SampleDataGenerator.Command d = SampleDataGenerator.parseArgs();
        assertEquals(Scale.SAMPLE, d.spec().scale());
        assertEquals(20250101L, d.spec().seed());
        assertEquals(ExpressionLayout.LEGACY, d.spec().layout());
        assertThrows(IllegalArgumentException.class, () -> SampleDataGenerator.parseArgs("--scale", "huge"));
        assertThrows(IllegalArgumentException.class, () -> SampleDataGenerator.parseArgs("--bogus", "1"));
        assertEquals(2, SampleDataGenerator.run(System.out, new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream()), "--scale"));
    }

    @Test
    void paperPresetSizes() {
        ScaleParams p = Scale.PAPER.params();
        assertEquals(370, p.bothLineCount());
        assertEquals(22, p.bothLines().size());
        assertEquals(1673, p.rnaLineCount());
        assertEquals(375, p.proteomicsLineCount());
        assertEquals(444, p.moaSizes().length);
        assertEquals(1502, p.compounds());
        assertEquals(19138, p.genes());
        assertEquals(3700, Scale.TEN_X.params().bothLineCount());
    }
}
