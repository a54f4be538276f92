package org.miracs.sampledata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The small in-memory part of a synthetic data set: cell lines with their latent variables, genes and their
 * loadings, protein rows, plexes, compounds. The big matrices are never materialised: writers compute each value
 * on the fly from these latents while streaming.
 */
final class World {

    // ---------------------------------------------------------------- planted-effect constants (see README)
    static final int N_GENERIC = 4;
    /** Index of the resistance program P in {@link Line#z}. */
    static final int P = 4;
    static final String[] PROGRAM_NAMES = {"G1", "G2", "G3", "G4", "P"};

    static final double LINEAGE_GENE_FRACTION = 0.10;
    static final double LINEAGE_SHIFT_SD = 1.2;
    static final double SHARED_SD = 0.5;
    static final double RNA_NOISE_SD = 0.5;
    static final double PROT_LINEAGE = 0.8;
    static final double PROT_NOISE_SD = 0.6;
    static final double PLEX_SD = 0.12;

    static final double BETA_P = 0.065;
    static final double BETA_G2_EGFR = -0.06;
    static final double GAMMA_SD = 0.015;
    static final double DRUG_LINEAGE_SD = 0.05;
    static final double RESPONSE_NOISE_SD = 0.07;
    static final double ROW_NOISE_SD = 0.05;
    static final double SCREEN_OFFSET_SD = 0.03;

    static final String[] SCREENS = {"HTS002", "MTS005", "MTS006", "MTS010"};
    static final int MTS010 = 3;
    private static final double[] SCREEN_LINE_PROB = {0.90, 0.88, 0.90, 0.93};
    private static final double[] SCREEN_PRIMARY_WEIGHT = {0.35, 0.20, 0.20, 0.25};

    // ---------------------------------------------------------------- model objects

    static final class Line {
        int idx;
        int bio;                   // index into Catalog.LINEAGES (true biology, also for NA-lineage models)
        String annotatedLineage;   // null = NA in Model.csv
        Catalog.Disease disease;
        String displayName;
        String strippedName;
        String ccleName;           // null = NA
        String modelId;            // null = unmapped proteomics line
        int modelNumber;
        boolean inRna;
        boolean inProt;
        boolean inPrism;
        boolean newer;
        boolean prismDepmapNa;
        boolean prismStrFail;
        boolean prismMts010Duplicate;
        boolean unmapped;          // proteomics line whose CCLEName is not in Model.csv
        final boolean[] prismScreens = new boolean[SCREENS.length];
        final double[] z = new double[N_GENERIC + 1];
    }

    static final class Gene {
        int idx;
        String symbol;
        long entrez;
        String proteinName;
        String accession;
        double mu;
        double sd;
        int module = -1;           // 0..3 generic, 4 = P
        double loading;
        boolean inProteomics;

        String column() {
            return symbol + " (" + entrez + ")";
        }
    }

    static final class Protein {
        int idx;
        Gene gene;
        boolean emptySymbol;
        String proteinId;
        String accession;
        String entryName;
        String description;
        long groupId;
        double coupling;
        double scale;
        double offset;
        boolean highMissing;
        boolean[] missingPlex;     // by plex index (World.plexes)
        double sporadicMissing;
        int basePeptides;
    }

    static final class Plex {
        int idx;
        int number;
        int capacity;
        final List<SampleColumn> columns = new ArrayList<>();

        String name() {
            return String.format(Locale.ROOT, "TenPx%02d", number);
        }
    }

    static final class SampleColumn {
        Line line;
        Plex plex;
        boolean duplicateKept;     // one of the 3 twice-measured lines, the plex MIRACS keeps
        boolean duplicateDropped;  // one of the 3 twice-measured lines, the other plex

        String name() {
            return line.ccleName + "_" + plex.name();
        }
    }

    static final class Drug {
        int idx;
        int bioIdx;                // same compound (second batch) shares the biology of its first batch
        String broadId;
        String name;
        List<String> moas = new ArrayList<>();
        String target;
        String diseaseArea;
        String indication;
        String smiles;
        String phase;
        boolean oncology;
        double base;
        double betaP;
        double betaG2;
        final double[] gamma = new double[N_GENERIC];
        double[] lineageShift;
        final double[] screenOffset = new double[SCREENS.length];
        final List<Integer> screens = new ArrayList<>();
        String csvTail;            // name..phase, already CSV-escaped

        boolean resistance() {
            return betaP != 0.0;
        }

        String moaField() {
            return moas.isEmpty() ? null : String.join(", ", moas);
        }
    }

    // ---------------------------------------------------------------- state

    final GeneratorSpec spec;
    final ScaleParams p;
    final long seed;
    final long sharedKey;
    final long plexKey;
    final long responseKey;

    final List<Line> lines = new ArrayList<>();
    final List<Line> models = new ArrayList<>();
    final List<Line> rnaLines = new ArrayList<>();
    final List<Line> prismLines = new ArrayList<>();
    final List<Gene> genes = new ArrayList<>();
    int[] geneColumnOrder;
    float[][] lineageShift;
    final List<Protein> proteins = new ArrayList<>();
    final List<Plex> plexes = new ArrayList<>();
    final List<Plex> plexOutputOrder = new ArrayList<>();
    final List<SampleColumn> sampleColumns = new ArrayList<>();
    final List<Drug> drugs = new ArrayList<>();
    final List<String> rankedMoas = new ArrayList<>();
    final Map<String, Integer> moaSizes = new LinkedHashMap<>();

    World(GeneratorSpec spec) {
        this.spec = spec;
        this.p = spec.params();
        this.seed = spec.seed();
        this.sharedKey = Rand.derive(seed, "shared-residual");
        this.plexKey = Rand.derive(seed, "plex-effect");
        this.responseKey = Rand.derive(seed, "drug-response");
        buildLines();
        assignModelIds();
        drawLatents();
        selectPrism();
        buildGenes();
        buildLineageShifts();
        buildPlexes();
        buildProteins();
        buildDrugs();
    }

    // ---------------------------------------------------------------- lines

    private final Set<String> usedNames = new HashSet<>();

    private void nameLine(Line l, SplittableRandom r) {
        while (true) {
            String[] pre = Rand.pick(Catalog.LINE_PREFIXES, r);
            int num = 1 + r.nextInt(r.nextInt(4) == 0 ? 99 : 2999);
            String suffix = r.nextInt(10) == 0 ? String.valueOf((char) ('A' + r.nextInt(4))) : "";
            String display = pre[0] + num + suffix;
            String stripped = (pre[1] + num + suffix).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
            if (usedNames.add(stripped)) {
                l.displayName = display;
                l.strippedName = stripped;
                return;
            }
        }
    }

    private Line newLine(int bio, SplittableRandom r) {
        Line l = new Line();
        l.idx = lines.size();
        l.bio = bio;
        Catalog.LineageDef def = Catalog.LINEAGES.get(bio);
        l.annotatedLineage = def.name();
        l.disease = def.diseases()[r.nextInt(def.diseases().length)];
        nameLine(l, r);
        l.ccleName = l.strippedName + "_" + l.disease.suffix();
        lines.add(l);
        return l;
    }

    private int weightedLineage(List<ScaleParams.LineageCount> counts, SplittableRandom r) {
        int total = counts.stream().mapToInt(ScaleParams.LineageCount::count).sum();
        int x = r.nextInt(total);
        for (ScaleParams.LineageCount c : counts) {
            x -= c.count();
            if (x < 0) {
                return Catalog.lineageIndex(c.lineage());
            }
        }
        throw new AssertionError();
    }

    private void buildLines() {
        SplittableRandom r = Rand.stream(seed, "lines");
        for (String[] d : Catalog.DUPLICATED_LINES) {
            usedNames.add(d[1]);
        }
        // the MIRACS cohort: RNA + proteomics
        Map<String, Integer> specialsLeft = new HashMap<>();
        for (String[] d : Catalog.DUPLICATED_LINES) {
            specialsLeft.merge(d[2], 1, Integer::sum);
        }
        int specialIdx = 0;
        for (ScaleParams.LineageCount c : p.bothLines()) {
            int bio = Catalog.lineageIndex(c.lineage());
            for (int k = 0; k < c.count(); k++) {
                Line l = newLine(bio, r);
                l.inRna = true;
                l.inProt = true;
                // the three real twice-measured lines take the first Bowel/Breast slots
                for (String[] d : Catalog.DUPLICATED_LINES) {
                    if (d[2].equals(c.lineage()) && specialsLeft.getOrDefault(d[2], 0) > 0 && !isSpecialUsed(d[1])) {
                        usedNames.remove(l.strippedName);
                        l.displayName = d[0];
                        l.strippedName = d[1];
                        l.disease = diseaseByCode(bio, d[3]);
                        l.ccleName = l.strippedName + "_" + l.disease.suffix();
                        specialsLeft.merge(d[2], -1, Integer::sum);
                        specialUsed.add(d[1]);
                        specialIdx++;
                        break;
                    }
                }
            }
        }
        if (specialIdx != Catalog.DUPLICATED_LINES.length) {
            throw new IllegalArgumentException("scale needs >= 2 Bowel and >= 1 Breast lines with both omics");
        }
        for (int k = 0; k < p.protOnlyMappedLines(); k++) {
            Line l = newLine(weightedLineage(p.bothLines(), r), r);
            l.inProt = true;
        }
        for (int k = 0; k < p.protUnmappedLines(); k++) {
            Line l = newLine(weightedLineage(p.bothLines(), r), r);
            l.inProt = true;
            l.unmapped = true;
            l.modelNumber = -1;
        }
        List<Line> rnaOnly = new ArrayList<>();
        for (ScaleParams.LineageCount c : p.rnaOnlyLines()) {
            int bio = Catalog.lineageIndex(c.lineage());
            for (int k = 0; k < c.count(); k++) {
                Line l = newLine(bio, r);
                l.inRna = true;
                rnaOnly.add(l);
            }
        }
        for (int k = 0; k < p.naLineageModels(); k++) {
            Line l = newLine(r.nextInt(Catalog.LINEAGES.size()), r);
            l.inRna = true;
            l.annotatedLineage = null;
        }
        // newer models: NA CCLEName
        int[] pick = Rand.choose(rnaOnly.size(), Math.min(p.naCcleNameModels(), rnaOnly.size()), r);
        for (int i : pick) {
            Line l = rnaOnly.get(i);
            l.ccleName = null;
            l.newer = true;
        }
        for (int k = 0; k < p.extraModels(); k++) {
            Line l = newLine(r.nextInt(Catalog.LINEAGES.size()), r);
            if (r.nextInt(10) < 3) {
                l.ccleName = null;
                l.newer = true;
            }
        }
    }

    private final Set<String> specialUsed = new HashSet<>();

    private boolean isSpecialUsed(String stripped) {
        return specialUsed.contains(stripped);
    }

    private static Catalog.Disease diseaseByCode(int bio, String code) {
        for (Catalog.Disease d : Catalog.LINEAGES.get(bio).diseases()) {
            if (d.code().equals(code)) {
                return d;
            }
        }
        throw new AssertionError(code);
    }

    private void assignModelIds() {
        SplittableRandom r = Rand.stream(seed, "model-ids");
        List<Line> older = new ArrayList<>();
        List<Line> newer = new ArrayList<>();
        for (Line l : lines) {
            if (l.unmapped) {
                continue;
            }
            (l.newer ? newer : older).add(l);
        }
        int oldRange = (int) Math.ceil(older.size() * 1.3) + 1;
        int[] oldNums = Rand.choose(oldRange, older.size(), r);
        for (int i = 0; i < older.size(); i++) {
            older.get(i).modelNumber = 1 + oldNums[i];
        }
        int newRange = (int) Math.ceil(newer.size() * 1.5) + 1;
        int[] newNums = Rand.choose(newRange, newer.size(), r);
        for (int i = 0; i < newer.size(); i++) {
            newer.get(i).modelNumber = oldRange + 1 + newNums[i];
        }
        for (Line l : older) {
            l.modelId = String.format(Locale.ROOT, "ACH-%06d", l.modelNumber);
            models.add(l);
        }
        for (Line l : newer) {
            l.modelId = String.format(Locale.ROOT, "ACH-%06d", l.modelNumber);
            models.add(l);
        }
        models.sort(Comparator.comparing(l -> l.modelId));
        for (Line l : models) {
            if (l.inRna) {
                rnaLines.add(l);
            }
        }
    }


    private void drawLatents() {
        SplittableRandom r = Rand.stream(seed, "latent-programs");
        for (Line l : lines) {
            for (int k = 0; k < l.z.length; k++) {
                l.z[k] = Rand.gaussian(r);
            }
        }
    }

    private void selectPrism() {
        SplittableRandom r = Rand.stream(seed, "prism-lines");
        // mapped proteomics lines, per lineage
        Map<Integer, List<Line>> byLineage = new LinkedHashMap<>();
        for (Line l : lines) {
            if (l.inProt && l.modelId != null) {
                byLineage.computeIfAbsent(l.bio, k -> new ArrayList<>()).add(l);
            }
        }
        List<Line> protPrism = new ArrayList<>();
        for (List<Line> ls : byLineage.values()) {
            int k = (int) Math.round(ls.size() * p.prismProtCoverage());
            for (int i : Rand.choose(ls.size(), k, r)) {
                protPrism.add(ls.get(i));
            }
        }
        List<Line> candidates = new ArrayList<>();
        for (Line l : lines) {
            if (l.inRna && !l.inProt && l.ccleName != null && l.annotatedLineage != null) {
                candidates.add(l);
            }
        }
        List<Line> rnaPrism = new ArrayList<>();
        for (int i : Rand.choose(candidates.size(), Math.min(p.prismRnaOnlyLines(), candidates.size()), r)) {
            rnaPrism.add(candidates.get(i));
        }
        for (int i = 0; i < Math.min(p.prismNaDepmapLines(), rnaPrism.size()); i++) {
            rnaPrism.get(i).prismDepmapNa = true;
        }
        List<Line> failable = new ArrayList<>();
        for (Line l : protPrism) {
            if (!specialUsed.contains(l.strippedName)) {
                failable.add(l);
            }
        }
        for (int i : Rand.choose(failable.size(), Math.min(p.prismStrFailLines(), failable.size()), r)) {
            failable.get(i).prismStrFail = true;
        }
        prismLines.addAll(protPrism);
        prismLines.addAll(rnaPrism);
        Rand.shuffle(prismLines, r);
        for (Line l : prismLines) {
            l.inPrism = true;
            for (int s = 0; s < SCREENS.length; s++) {
                l.prismScreens[s] = r.nextDouble() < SCREEN_LINE_PROB[s];
            }
            l.prismMts010Duplicate = l.prismScreens[MTS010] && r.nextDouble() < 0.10;
        }
    }

    // ---------------------------------------------------------------- genes

    private static final String[][] FAMILIES = {
        // symbol pattern, protein name pattern; {n}, {a}, {b}, {L}
        {"ZNF{n}", "Zinc finger protein {n}"},
        {"SLC{a}A{b}", "Solute carrier family {a} member {b}"},
        {"TMEM{n}", "Transmembrane protein {n}"},
        {"C{c}orf{b}", "Uncharacterized protein C{c}orf{b}"},
        {"CCDC{n}", "Coiled-coil domain-containing protein {n}"},
        {"FAM{n}{L}", "Protein FAM{n}{L}"},
        {"KLHL{n}", "Kelch-like protein {n}"},
        {"ANKRD{n}", "Ankyrin repeat domain-containing protein {n}"},
        {"LRRC{n}", "Leucine-rich repeat-containing protein {n}"},
        {"RNF{n}", "E3 ubiquitin-protein ligase RNF{n}"},
        {"WDR{n}", "WD repeat-containing protein {n}"},
        {"DDX{n}", "Probable ATP-dependent RNA helicase DDX{n}"},
        {"PPP1R{n}", "Protein phosphatase 1, regulatory subunit {n}"},
        {"KRTAP{a}-{b}", "Keratin-associated protein {a}-{b}"},
        {"MRPL{n}", "39S ribosomal protein L{n}, mitochondrial"},
        {"PCDHB{n}", "Protocadherin beta-{n}"},
        {"TBC1D{n}", "TBC1 domain family member {n}"},
        {"ARHGAP{n}", "Rho GTPase-activating protein {n}"},
        {"SPATA{n}", "Spermatogenesis-associated protein {n}"},
        {"OR{a}{L}{b}", "Olfactory receptor {a}{L}{b}"}};

    private static String fill(String pattern, int n, int a, int b, int c, char letter) {
        return pattern.replace("{n}", Integer.toString(n)).replace("{a}", Integer.toString(a))
                .replace("{b}", Integer.toString(b)).replace("{c}", Integer.toString(c))
                .replace("{L}", String.valueOf(letter));
    }

    private final Set<String> usedAccessions = new HashSet<>();

    private String newAccession(SplittableRandom r) {
        final String az = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        final String an = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        while (true) {
            StringBuilder sb = new StringBuilder(6);
            if (r.nextBoolean()) {
                sb.append("OPQ".charAt(r.nextInt(3))).append(r.nextInt(10));
                for (int i = 0; i < 3; i++) {
                    sb.append(an.charAt(r.nextInt(an.length())));
                }
            } else {
                sb.append("ABCDEFGHIJKLMNRSTUVWXYZ".charAt(r.nextInt(23))).append(r.nextInt(10))
                        .append(az.charAt(r.nextInt(26)));
                for (int i = 0; i < 2; i++) {
                    sb.append(an.charAt(r.nextInt(an.length())));
                }
            }
            sb.append(r.nextInt(10));
            String s = sb.toString();
            if (usedAccessions.add(s)) {
                return s;
            }
        }
    }

    private String newTremblAccession(SplittableRandom r) {
        while (true) {
            String s = "A0A" + r.nextInt(10) + r.nextInt(10) + r.nextInt(10)
                    + (char) ('A' + r.nextInt(26)) + Rand.upperAlnum(r, 2) + r.nextInt(10);
            if (usedAccessions.add(s)) {
                return s;
            }
        }
    }

    private void buildGenes() {
        SplittableRandom r = Rand.stream(seed, "genes");
        Set<String> symbols = new HashSet<>();
        Set<Long> entrez = new HashSet<>();
        List<Catalog.RealGene> real = new ArrayList<>(Catalog.REAL_GENES);
        int nRealP = (int) real.stream().filter(g -> "P".equals(g.module())).count();
        // at small scales keep only part of the real P genes so the module is ~60% real, 40% synthetic
        int keepRealP = Math.min(nRealP, (int) Math.round(p.resistanceModuleGenes() * 0.6));
        int keptP = 0;
        for (Catalog.RealGene rg : real) {
            if ("P".equals(rg.module())) {
                if (keptP >= keepRealP) {
                    continue;
                }
                keptP++;
            }
            if (genes.size() >= p.genes()) {
                break;
            }
            Gene g = new Gene();
            g.idx = genes.size();
            g.symbol = rg.symbol();
            g.entrez = rg.entrez();
            g.proteinName = rg.proteinName();
            g.accession = rg.accession();
            if (g.accession != null) {
                usedAccessions.add(g.accession);
            }
            if (rg.module() != null) {
                g.module = rg.module().startsWith("P") ? P : rg.module().charAt(1) - '1';
                g.loading = rg.module().endsWith("-") ? -1 : 1;
            }
            symbols.add(g.symbol);
            entrez.add(g.entrez);
            genes.add(g);
        }
        while (genes.size() < p.genes()) {
            String[] fam = FAMILIES[r.nextInt(FAMILIES.length)];
            int n = 300 + r.nextInt(2700);
            int a = 30 + r.nextInt(70);
            int b = 1 + r.nextInt(40);
            int c = 23 + r.nextInt(8);
            char letter = (char) ('A' + r.nextInt(26));
            String sym = fill(fam[0], n, a, b, c, letter);
            if (!symbols.add(sym)) {
                continue;
            }
            Gene g = new Gene();
            g.idx = genes.size();
            g.symbol = sym;
            g.proteinName = fill(fam[1], n, a, b, c, letter);
            long e;
            do {
                e = r.nextInt(10) < 7 ? 100000 + r.nextInt(900000) : 100000000L + r.nextInt(10000000);
            } while (!entrez.add(e));
            g.entrez = e;
            genes.add(g);
        }
        // modules: P gets real P genes + synthetic; generic modules from the rest
        List<Gene> free = new ArrayList<>();
        int pCount = 0;
        int[] gCount = new int[N_GENERIC];
        for (Gene g : genes) {
            if (g.module == P) {
                pCount++;
            } else if (g.module >= 0) {
                gCount[g.module]++;
            } else if (g.idx != 0) {
                free.add(g);
            }
        }
        Rand.shuffle(free, r);
        int fi = 0;
        while (pCount < p.resistanceModuleGenes() && fi < free.size()) {
            free.get(fi++).module = P;
            pCount++;
        }
        for (int k = 0; k < N_GENERIC; k++) {
            while (gCount[k] < p.genericModuleGenes() && fi < free.size()) {
                free.get(fi++).module = k;
                gCount[k]++;
            }
        }
        for (Gene g : genes) {
            boolean lowExpressed = g.module < 0 && r.nextDouble() < 0.15;
            if (lowExpressed) {
                g.mu = Rand.uniform(r, 0.0, 0.8);
                g.sd = Rand.uniform(r, 0.2, 0.6);
            } else {
                g.mu = Math.max(g.module >= 0 ? 3.0 : 1.0, 4.5 + 1.8 * Rand.gaussian(r));
                g.sd = Rand.uniform(r, 0.4, 1.5);
            }
            if (g.module >= 0) {
                double mag = Rand.uniform(r, 0.7, 1.1);
                double sign = g.loading != 0 ? g.loading : (r.nextDouble() < 0.8 ? 1 : -1);
                g.loading = sign * mag;
            }
        }
        // column order: TSPAN6 first (as in DepMap, which sorts by Ensembl id), the rest shuffled
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i < genes.size(); i++) {
            order.add(i);
        }
        Rand.shuffle(order, r);
        geneColumnOrder = new int[genes.size()];
        geneColumnOrder[0] = 0;
        for (int i = 0; i < order.size(); i++) {
            geneColumnOrder[i + 1] = order.get(i);
        }
    }

    private void buildLineageShifts() {
        SplittableRandom r = Rand.stream(seed, "lineage-shifts");
        lineageShift = new float[Catalog.LINEAGES.size()][genes.size()];
        for (float[] row : lineageShift) {
            for (int g = 0; g < row.length; g++) {
                if (r.nextDouble() < LINEAGE_GENE_FRACTION) {
                    row[g] = (float) (LINEAGE_SHIFT_SD * Rand.gaussian(r));
                }
            }
        }
    }

    /** Latent (unit-free) part shared by RNA and protein for (line, gene). */
    double geneLatent(Line l, Gene g, double lineageWeight) {
        double v = lineageWeight * lineageShift[l.bio][g.idx] + SHARED_SD * Rand.hashGaussian(
                Rand.key(sharedKey, l.idx, g.idx));
        if (g.module >= 0) {
            v += g.loading * l.z[g.module];
        }
        return v;
    }

    // ---------------------------------------------------------------- plexes / proteomics

    private void buildPlexes() {
        SplittableRandom r = Rand.stream(seed, "plexes");
        List<Line> protLines = new ArrayList<>();
        for (Line l : lines) {
            if (l.inProt) {
                protLines.add(l);
            }
        }
        int nCols = protLines.size() + Catalog.DUPLICATED_LINES.length;
        int nPlex = (nCols + p.plexSize() - 1) / p.plexSize();
        if (nPlex < 3) {
            throw new IllegalArgumentException("need at least 3 plexes");
        }
        int[] numbers;
        if (nPlex >= 28) {
            numbers = new int[nPlex];
            for (int i = 0; i < nPlex; i++) {
                numbers[i] = i + 1;
            }
        } else {
            // a subset of the real 42 plex numbers that contains the three kept duplicate plexes
            List<Integer> pool = new ArrayList<>();
            for (int i = 1; i <= 42; i++) {
                if (i != 18 && i != 20 && i != 28) {
                    pool.add(i);
                }
            }
            Rand.shuffle(pool, r);
            List<Integer> chosen = new ArrayList<>(List.of(18, 20, 28));
            chosen.addAll(pool.subList(0, nPlex - 3));
            chosen.sort(Integer::compare);
            numbers = chosen.stream().mapToInt(Integer::intValue).toArray();
        }
        for (int i = 0; i < nPlex; i++) {
            Plex x = new Plex();
            x.idx = i;
            x.number = numbers[i];
            x.capacity = nCols / nPlex;
            plexes.add(x);
        }
        int extra = nCols % nPlex;
        for (int i : Rand.choose(nPlex, extra, r)) {
            plexes.get(i).capacity++;
        }
        Map<Integer, Plex> byNumber = new HashMap<>();
        for (Plex x : plexes) {
            byNumber.put(x.number, x);
        }
        List<SampleColumn> rest = new ArrayList<>();
        List<SampleColumn> dupExtras = new ArrayList<>();
        for (Line l : protLines) {
            SampleColumn c = new SampleColumn();
            c.line = l;
            String[] special = special(l);
            if (special != null) {
                c.duplicateKept = true;
                Plex x = byNumber.get(Integer.parseInt(special[4].substring(5)));
                place(c, x);
                SampleColumn d = new SampleColumn();
                d.line = l;
                d.duplicateDropped = true;
                dupExtras.add(d);
            } else {
                rest.add(c);
            }
        }
        for (SampleColumn d : dupExtras) {
            List<Plex> open = new ArrayList<>();
            for (Plex x : plexes) {
                if (x.columns.size() < x.capacity && !containsLine(x, d.line)) {
                    open.add(x);
                }
            }
            place(d, Rand.pick(open, r));
        }
        Rand.shuffle(rest, r);
        int ri = 0;
        for (Plex x : plexes) {
            while (x.columns.size() < x.capacity) {
                place(rest.get(ri++), x);
            }
        }
        plexOutputOrder.addAll(plexes);
        Rand.shuffle(plexOutputOrder, r);
        for (Plex x : plexOutputOrder) {
            Rand.shuffle(x.columns, r);
            sampleColumns.addAll(x.columns);
        }
    }

    private static boolean containsLine(Plex x, Line l) {
        for (SampleColumn c : x.columns) {
            if (c.line == l) {
                return true;
            }
        }
        return false;
    }

    private static void place(SampleColumn c, Plex x) {
        c.plex = x;
        x.columns.add(c);
    }

    static String[] special(Line l) {
        for (String[] d : Catalog.DUPLICATED_LINES) {
            if (d[1].equals(l.strippedName)) {
                return d;
            }
        }
        return null;
    }

    private final Set<String> usedEntryNames = new HashSet<>();

    private String entryName(String symbol) {
        String base = symbol.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (base.length() > 10) {
            base = base.substring(0, 10);
        }
        String e = base;
        int k = 2;
        while (!usedEntryNames.add(e)) {
            e = base + k++;
        }
        return e + "_HUMAN";
    }

    private void buildProteins() {
        SplittableRandom r = Rand.stream(seed, "proteins");
        int rows = p.proteinRows();
        int nIso = (int) Math.round(rows * p.isoformFraction());
        int nEmpty = (int) Math.round(rows * p.emptySymbolFraction());
        int nCanon = rows - nIso - nEmpty;
        List<Gene> pGenes = new ArrayList<>();
        List<Gene> others = new ArrayList<>();
        for (Gene g : genes) {
            (g.module == P ? pGenes : others).add(g);
        }
        Rand.shuffle(pGenes, r);
        Rand.shuffle(others, r);
        int nP = Math.min(pGenes.size(), (int) Math.round(pGenes.size() * 0.75));
        if (nCanon + nEmpty > genes.size()) {
            throw new IllegalArgumentException("more protein rows than genes");
        }
        List<Gene> canon = new ArrayList<>(pGenes.subList(0, nP));
        List<Gene> leftover = new ArrayList<>(pGenes.subList(nP, pGenes.size()));
        int oi = 0;
        while (canon.size() < nCanon) {
            canon.add(others.get(oi++));
        }
        while (oi < others.size()) {
            leftover.add(others.get(oi++));
        }
        Rand.shuffle(canon, r);
        Rand.shuffle(leftover, r);
        for (Gene g : canon) {
            g.inProteomics = true;
        }
        Set<Integer> isoGenes = new HashSet<>();
        for (int i : Rand.choose(canon.size(), nIso, r)) {
            isoGenes.add(canon.get(i).idx);
        }
        Set<Integer> emptyPositions = new HashSet<>();
        for (int i : Rand.choose(nCanon, nEmpty, r)) {
            emptyPositions.add(i);
        }
        int li = 0;
        long group = 100 + r.nextInt(50);
        for (int ci = 0; ci < canon.size(); ci++) {
            Gene g = canon.get(ci);
            addProtein(g, false, 1, group, r);
            if (isoGenes.contains(g.idx)) {
                addProtein(g, false, 2 + r.nextInt(3), group, r);
            }
            group += 1 + r.nextInt(3);
            if (emptyPositions.contains(ci)) {
                addProtein(leftover.get(li++), true, 1, group, r);
                group += 1 + r.nextInt(3);
            }
        }
        // missingness: exactly highMissingRows rows (never P-module proteins) lose > 60% of the plexes
        List<Protein> eligible = new ArrayList<>();
        for (Protein pr : proteins) {
            if (pr.gene.module != P) {
                eligible.add(pr);
            }
        }
        for (int i : Rand.choose(eligible.size(), Math.min(p.highMissingRows(), eligible.size()), r)) {
            eligible.get(i).highMissing = true;
        }
        int nPlex = plexes.size();
        for (Protein pr : proteins) {
            int k;
            if (pr.highMissing) {
                k = (int) Math.ceil(nPlex * Rand.uniform(r, 0.62, 0.95));
                pr.sporadicMissing = 0.02;
            } else {
                double u = r.nextDouble();
                k = (int) Math.floor(nPlex * 0.35 * u * u * u);
                pr.sporadicMissing = 0.01;
            }
            pr.missingPlex = new boolean[nPlex];
            for (int i : Rand.choose(nPlex, Math.min(k, nPlex), r)) {
                pr.missingPlex[i] = true;
            }
        }
    }

    private void addProtein(Gene g, boolean emptySymbol, int isoform, long group, SplittableRandom r) {
        Protein pr = new Protein();
        pr.idx = proteins.size();
        pr.gene = g;
        pr.emptySymbol = emptySymbol;
        pr.groupId = group;
        if (emptySymbol) {
            pr.accession = newTremblAccession(r);
            pr.entryName = pr.accession + "_HUMAN";
            pr.proteinId = "tr|" + pr.accession + "|" + pr.entryName;
            pr.description = r.nextBoolean() ? "Uncharacterized protein" : g.proteinName;
        } else {
            if (g.accession == null) {
                g.accession = newAccession(r);
            }
            String entry = isoform == 1 ? entryName(g.symbol) : findEntry(g);
            pr.accession = isoform == 1 ? g.accession : g.accession + "-" + isoform;
            pr.entryName = entry;
            pr.proteinId = "sp|" + pr.accession + "|" + entry;
            pr.description = isoform == 1 ? g.proteinName : "Isoform " + isoform + " of " + g.proteinName;
        }
        pr.coupling = Rand.uniform(r, 0.5, 0.9);
        pr.scale = Rand.uniform(r, 0.25, 0.9);
        pr.offset = 0.3 * Rand.gaussian(r);
        double u = r.nextDouble();
        pr.basePeptides = Math.min(300, 1 + (int) Math.floor(StrictMath.exp(4.2 * u)));
        proteins.add(pr);
    }

    private String findEntry(Gene g) {
        for (int i = proteins.size() - 1; i >= 0; i--) {
            Protein q = proteins.get(i);
            if (q.gene == g && !q.emptySymbol) {
                return q.entryName;
            }
        }
        throw new AssertionError();
    }

    double proteinValue(Protein pr, SampleColumn c, SplittableRandom r) {
        double lat = geneLatent(c.line, pr.gene, PROT_LINEAGE);
        return pr.offset + pr.scale * (pr.coupling * lat + PROT_NOISE_SD * Rand.fastGaussian(r.nextLong()))
                + PLEX_SD * Rand.hashGaussian(Rand.key(plexKey, pr.idx, c.plex.number));
    }

    // ---------------------------------------------------------------- drugs

    private void buildDrugs() {
        SplittableRandom r = Rand.stream(seed, "drugs");
        int[] sizes = p.moaSizes();
        int nMoa = sizes.length;
        int[] resRanks = p.resistanceMoaRanks();
        List<String> pool = Catalog.moaNames(nMoa);
        String[] ranked = new String[nMoa];
        for (int i = 0; i < 3; i++) {
            ranked[resRanks[i]] = Catalog.RESISTANCE_MOAS.get(i);
        }
        int pi = 0;
        for (int i = 0; i < nMoa; i++) {
            if (ranked[i] == null) {
                ranked[i] = pool.get(pi++);
            }
        }
        rankedMoas.addAll(List.of(ranked));

        int unique = p.compounds() - p.sharedNameCompounds();
        int withMoa = Math.min(unique - p.naMoaCompounds(), java.util.Arrays.stream(sizes).sum());
        List<Integer> tickets = new ArrayList<>();
        for (int i = 0; i < nMoa; i++) {
            for (int k = 0; k < sizes[i]; k++) {
                tickets.add(i);
            }
        }
        Rand.shuffle(tickets, r);
        List<List<Integer>> drugMoas = new ArrayList<>();
        for (int d = 0; d < unique; d++) {
            drugMoas.add(new ArrayList<>());
        }
        for (int d = 0; d < withMoa; d++) {
            drugMoas.get(d).add(tickets.get(d));
        }
        for (int t = withMoa; t < tickets.size(); t++) {
            int moa = tickets.get(t);
            for (int attempt = 0; attempt < 1000; attempt++) {
                List<Integer> ms = drugMoas.get(r.nextInt(withMoa));
                if (ms.size() < 3 && !ms.contains(moa)) {
                    ms.add(moa);
                    break;
                }
            }
        }
        // guarantee the canonical multi-MoA example "topoisomerase inhibitor, DNA inhibitor"
        int topo = rankedMoas.indexOf(Catalog.TOPO);
        int dna = rankedMoas.indexOf("DNA inhibitor");
        if (dna >= 0) {
            boolean found = false;
            for (List<Integer> ms : drugMoas) {
                found |= ms.size() >= 2 && ms.get(0) == topo && ms.contains(dna);
            }
            if (!found) {
                for (List<Integer> ms : drugMoas) {
                    if (ms.size() == 1 && ms.get(0) == topo) {
                        ms.add(dna);
                        break;
                    }
                }
            }
        }
        Set<String> usedNamesLower = new HashSet<>();
        Map<String, Integer> realNameIdx = new HashMap<>();
        Set<String> usedCores = new HashSet<>();
        int spaced = 0;
        for (int d = 0; d < unique; d++) {
            Drug dr = new Drug();
            dr.idx = drugs.size();
            dr.bioIdx = dr.idx;
            for (int m : drugMoas.get(d)) {
                dr.moas.add(rankedMoas.get(m));
            }
            String first = dr.moas.isEmpty() ? null : dr.moas.get(0);
            dr.oncology = dr.moas.stream().anyMatch(Catalog.ONCOLOGY_MOAS::contains);
            // name
            String name = null;
            if (first != null && Catalog.REAL_DRUGS.containsKey(first)) {
                List<String> names = Catalog.REAL_DRUGS.get(first);
                int k = realNameIdx.getOrDefault(first, 0);
                if (k < names.size()) {
                    name = names.get(k);
                    realNameIdx.put(first, k + 1);
                }
            }
            while (name == null || !usedNamesLower.add(name.toLowerCase(Locale.ROOT))) {
                double u = r.nextDouble();
                if (u < 0.02 && spaced < Catalog.GENERIC_NAMES_WITH_SPACES.length) {
                    name = Catalog.GENERIC_NAMES_WITH_SPACES[spaced++];
                } else if (u < 0.5) {
                    name = Rand.pick(Catalog.CODE_PREFIXES, r) + (100 + r.nextInt(r.nextBoolean() ? 900 : 99900));
                } else {
                    name = Rand.pick(Catalog.NAME_STEMS, r) + Rand.pick(Catalog.NAME_STEMS, r).substring(0, 2)
                            + Rand.pick(Catalog.NAME_SUFFIXES, r);
                }
            }
            dr.name = name;
            String core;
            do {
                double u = r.nextDouble();
                char letter = u < 0.85 ? 'K' : u < 0.95 ? 'A' : 'M';
                core = "BRD-" + letter + String.format(Locale.ROOT, "%08d", r.nextInt(100_000_000));
            } while (!usedCores.add(core));
            dr.broadId = core + batchSuffix(r);
            annotate(dr, r);
            biology(dr, r);
            drugs.add(dr);
        }
        // second batches of existing compounds: same name and annotations, new broad_id suffix
        int[] originals = Rand.choose(unique, Math.min(p.sharedNameCompounds(), unique), r);
        for (int o : originals) {
            Drug src = drugs.get(o);
            Drug dr = new Drug();
            dr.idx = drugs.size();
            dr.bioIdx = src.idx;
            String core = src.broadId.substring(0, 13);
            do {
                dr.broadId = core + batchSuffix(r);
            } while (dr.broadId.equals(src.broadId));
            dr.name = src.name;
            dr.moas.addAll(src.moas);
            dr.oncology = src.oncology;
            dr.target = src.target;
            dr.diseaseArea = src.diseaseArea;
            dr.indication = src.indication;
            dr.smiles = src.smiles;
            dr.phase = src.phase;
            biology(dr, r);
            dr.base = src.base + 0.03 * Rand.gaussian(r);
            dr.betaP = src.betaP;
            dr.betaG2 = src.betaG2;
            System.arraycopy(src.gamma, 0, dr.gamma, 0, N_GENERIC);
            dr.lineageShift = src.lineageShift.clone();
            drugs.add(dr);
        }
        drugs.sort(Comparator.comparing(d -> d.broadId));
        for (Drug dr : drugs) {
            for (String m : dr.moas) {
                moaSizes.merge(m, 1, Integer::sum);
            }
            StringBuilder sb = new StringBuilder();
            appendField(sb, dr.name);
            appendField(sb, dr.moaField());
            appendField(sb, dr.target);
            appendField(sb, dr.diseaseArea);
            appendField(sb, dr.indication);
            appendField(sb, dr.smiles);
            appendField(sb, dr.phase);
            dr.csvTail = sb.substring(1);
        }
    }

    private static void appendField(StringBuilder sb, String s) {
        sb.append(',');
        if (s == null) {
            sb.append(CsvRow.NA);
        } else {
            CsvRow.appendMinimal(sb, s);
        }
    }

    private static String batchSuffix(SplittableRandom r) {
        double u = r.nextDouble();
        String a = u < 0.8 ? "001" : u < 0.9 ? "003" : String.format(Locale.ROOT, "%03d", 2 + r.nextInt(60));
        return String.format(Locale.ROOT, "-%s-%02d-%d", a, 1 + r.nextInt(20), r.nextInt(10));
    }

    private void annotate(Drug dr, SplittableRandom r) {
        String first = dr.moas.isEmpty() ? null : dr.moas.get(0);
        if (first != null && Catalog.MOA_TARGETS.containsKey(first)) {
            dr.target = Rand.pick(Catalog.MOA_TARGETS.get(first), r);
        } else if (r.nextDouble() < 0.8) {
            int n = 1 + r.nextInt(3);
            List<String> t = new ArrayList<>();
            while (t.size() < n) {
                String s = genes.get(r.nextInt(genes.size())).symbol;
                if (!t.contains(s)) {
                    t.add(s);
                }
            }
            dr.target = String.join(", ", t);
        }
        if (dr.oncology) {
            dr.diseaseArea = "oncology";
            dr.indication = r.nextDouble() < 0.6 ? joinSome(Catalog.ONCO_INDICATIONS, 1 + r.nextInt(3), r) : null;
            dr.phase = weighted(r, new double[]{0.30, 0.10, 0.25, 0.15, 0.20, 0.0});
        } else {
            double u = r.nextDouble();
            dr.diseaseArea = u < 0.75 ? Rand.pick(Catalog.OTHER_AREAS, r)
                    : u < 0.85 ? joinSome(Catalog.OTHER_AREAS, 2, r) : null;
            dr.indication = r.nextDouble() < 0.55 ? joinSome(Catalog.OTHER_INDICATIONS, 1 + r.nextInt(2), r) : null;
            dr.phase = weighted(r, new double[]{0.70, 0.08, 0.10, 0.04, 0.06, 0.02});
        }
        double u = r.nextDouble();
        if (u < 0.02) {
            dr.smiles = null;
        } else {
            StringBuilder sb = new StringBuilder();
            int n = 2 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                sb.append(Rand.pick(Catalog.SMILES_FRAGMENTS, r));
            }
            dr.smiles = u < 0.05 ? sb + ", " + sb : sb.toString();
        }
    }

    private static String weighted(SplittableRandom r, double[] w) {
        double u = r.nextDouble();
        for (int i = 0; i < w.length; i++) {
            u -= w[i];
            if (u < 0) {
                return Catalog.PHASES[i];
            }
        }
        return Catalog.PHASES[0];
    }

    private static String joinSome(String[] vocab, int n, SplittableRandom r) {
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            String s = Rand.pick(vocab, r);
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return String.join(", ", out);
    }

    private void biology(Drug dr, SplittableRandom r) {
        dr.base = dr.oncology ? Rand.uniform(r, 0.45, 0.85) : Rand.uniform(r, 0.70, 1.05);
        boolean res = dr.moas.stream().anyMatch(Catalog.RESISTANCE_MOAS::contains);
        dr.betaP = res ? BETA_P * Rand.uniform(r, 0.85, 1.15) : 0.0;
        dr.betaG2 = dr.moas.contains(Catalog.EGFR_MOA) ? BETA_G2_EGFR * Rand.uniform(r, 0.85, 1.15) : 0.0;
        for (int k = 0; k < N_GENERIC; k++) {
            dr.gamma[k] = GAMMA_SD * Rand.gaussian(r);
        }
        dr.lineageShift = new double[Catalog.LINEAGES.size()];
        for (int i = 0; i < dr.lineageShift.length; i++) {
            dr.lineageShift[i] = DRUG_LINEAGE_SD * Rand.gaussian(r);
        }
        for (int s = 0; s < SCREENS.length; s++) {
            dr.screenOffset[s] = SCREEN_OFFSET_SD * Rand.gaussian(r);
        }
        // screens: a primary one, often a second, sometimes a third
        double u = r.nextDouble();
        int primary = 0;
        for (int s = 0; s < SCREENS.length; s++) {
            u -= SCREEN_PRIMARY_WEIGHT[s];
            if (u < 0) {
                primary = s;
                break;
            }
        }
        dr.screens.add(primary);
        if (r.nextDouble() < p.multiScreenFraction()) {
            addOtherScreen(dr, r);
            if (r.nextDouble() < 0.25) {
                addOtherScreen(dr, r);
            }
        }
        dr.screens.sort(Integer::compare);
    }

    private static void addOtherScreen(Drug dr, SplittableRandom r) {
        while (true) {
            int s = r.nextInt(SCREENS.length);
            if (!dr.screens.contains(s)) {
                dr.screens.add(s);
                return;
            }
        }
    }

    /** Screen-independent true response of a line to a compound (before screen offset and row noise). */
    double trueResponse(Drug dr, Line l) {
        double v = dr.base + dr.lineageShift[l.bio] + dr.betaP * l.z[P] + dr.betaG2 * l.z[1];
        for (int k = 0; k < N_GENERIC; k++) {
            v += dr.gamma[k] * l.z[k];
        }
        return v + RESPONSE_NOISE_SD * Rand.hashGaussian(Rand.key(responseKey, dr.bioIdx, l.idx));
    }
}
