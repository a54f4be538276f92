package org.miracs.sampledata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seeded synthetic DepMap / CCLE proteomics / PRISM input files in the real public layouts, with a planted
 * cross-lineage resistance program (see sample-data/README.md). Pure Java, streaming, deterministic.
 *
 * <pre>
 *   GenerationResult r = SampleDataGenerator.generate(GeneratorSpec.of(Scale.SAMPLE), Path.of("sample-data"));
 * </pre>
 */
public final class SampleDataGenerator {
    private SampleDataGenerator() {
    }

    public static final String MODEL_FILE = "Model.csv";
    public static final String EXPRESSION_LEGACY_FILE = "OmicsExpressionProteinCodingGenesTPMLogp1BatchCorrected.csv";
    public static final String EXPRESSION_2025_FILE = "OmicsExpressionTPMLogp1HumanProteinCodingGenes.csv";
    public static final String PROTEOMICS_FILE = "protein_quant_current_normalized.csv";
    public static final String PRISM_FILE = "secondary-screen-dose-response-curve-parameters.csv";
    public static final String TRUTH_DIR = "truth";
    /** A synthetic CollecTRI-style TF network; `interpret.tf_network = auto` picks it up from the data folder. */
    public static final String TF_NETWORK_FILE = "tf_network.tsv";

    public static final String USAGE = String.join("\n",
        "usage: generate [--scale sample|paper|10x] [--seed N] [--out DIR] [--expression-layout legacy|2025]",
        "  --scale              sample (default, a few MB), paper (MIRACS sizes, ~0.5 GB), 10x (ten times the lines)",
        "  --seed               master seed (default " + GeneratorSpec.DEFAULT_SEED + ")",
        "  --out                output directory (default ./sample-data); existing files are overwritten",
        "  --expression-layout  legacy (24Q4, default) or 2025 (25Q2+ file with SequencingID/ModelID columns)");

    /** Generates every file of {@code spec} into {@code outDir} (created if needed). */
    public static GenerationResult generate(GeneratorSpec spec, Path outDir) throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(outDir);
        Path truthDir = outDir.resolve(TRUTH_DIR);
        Files.createDirectories(truthDir);
        World w = new World(spec);
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("seed", spec.seed());

        Path model = outDir.resolve(MODEL_FILE);
        try (BufferedWriter out = open(model)) {
            counts.put("model_rows", ModelFileWriter.write(w, out));
        }
        files.put("model", model);

        Path expr = outDir.resolve(spec.layout().fileName());
        try (BufferedWriter out = open(expr)) {
            counts.put("expression_rows", ExpressionFileWriter.write(w, spec.layout(), out));
        }
        counts.put("expression_models", (long) w.rnaLines.size());
        counts.put("expression_genes", (long) w.genes.size());
        files.put("expression", expr);

        Path prot = outDir.resolve(PROTEOMICS_FILE);
        try (BufferedWriter out = open(prot)) {
            long[] c = ProteomicsFileWriter.write(w, out);
            counts.put("proteomics_rows", c[0]);
            counts.put("proteomics_rows_ge50pct_observed", c[1]);
        }
        long protLines = w.lines.stream().filter(l -> l.inProt).count();
        counts.put("proteomics_lines", protLines);
        counts.put("proteomics_sample_columns", (long) w.sampleColumns.size());
        counts.put("proteomics_plexes", (long) w.plexes.size());
        counts.put("proteomics_unmapped_lines", w.lines.stream().filter(l -> l.unmapped).count());
        counts.put("lines_rna_and_proteomics", w.lines.stream().filter(l -> l.inProt && l.inRna).count());
        files.put("proteomics", prot);

        Path prism = outDir.resolve(PRISM_FILE);
        try (BufferedWriter out = open(prism)) {
            long[] c = PrismFileWriter.write(w, out);
            counts.put("prism_rows", c[0]);
            counts.put("prism_rows_na_auc", c[1]);
        }
        counts.put("prism_lines", (long) w.prismLines.size());
        counts.put("prism_lines_with_proteomics", w.prismLines.stream().filter(l -> l.inProt).count());
        counts.put("prism_compounds", (long) w.drugs.size());
        counts.put("prism_compound_names", w.drugs.stream().map(d -> d.name).distinct().count());
        counts.put("prism_moas", (long) w.moaSizes.size());
        counts.put("prism_moas_ge6_compounds", w.moaSizes.values().stream().filter(v -> v >= 6).count());
        counts.put("prism_max_moa_size", (long) w.moaSizes.values().stream().mapToInt(Integer::intValue).max()
                .orElse(0));
        counts.put("lineages_with_proteomics", w.lines.stream().filter(l -> l.inProt && l.inRna)
                .map(l -> l.annotatedLineage).distinct().count());
        counts.put("resistance_program_genes", w.genes.stream().filter(g -> g.module == World.P).count());
        counts.put("resistance_program_proteins", w.proteins.stream()
                .filter(pr -> pr.gene.module == World.P && !pr.emptySymbol).count());
        counts.put("resistance_compounds", w.drugs.stream().filter(World.Drug::resistance).count());
        files.put("prism", prism);

        Path tf = outDir.resolve(TF_NETWORK_FILE);
        try (BufferedWriter out = open(tf)) {
            counts.put("tf_network_edges", TfNetworkFileWriter.write(w, out));
        }
        files.put("tf_network", tf);

        files.putAll(TruthFileWriter.write(w, truthDir, counts));
        return new GenerationResult(outDir, files, counts, Duration.ofNanos(System.nanoTime() - t0));
    }

    static BufferedWriter open(Path p) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 20);
    }

    /** Parsed command line: the spec and the output directory. */
    public record Command(GeneratorSpec spec, Path outDir) {
    }

    /** Parses {@code --scale --seed --out --expression-layout} (also {@code --key=value}). */
    public static Command parseArgs(String... args) {
        Scale scale = Scale.SAMPLE;
        long seed = GeneratorSpec.DEFAULT_SEED;
        Path out = Paths.get("sample-data");
        ExpressionLayout layout = ExpressionLayout.LEGACY;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value;
            String key;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                key = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else {
                key = a;
                if (key.equals("-h") || key.equals("--help")) {
                    throw new IllegalArgumentException(USAGE);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + key + "\n" + USAGE);
                }
                value = args[++i];
            }
            switch (key) {
                case "--scale" -> scale = Scale.fromCli(value);
                case "--seed" -> seed = Long.parseLong(value.trim());
                case "--out" -> out = Paths.get(value);
                case "--expression-layout" -> layout = ExpressionLayout.fromCli(value);
                default -> throw new IllegalArgumentException("unknown option " + key + "\n" + USAGE);
            }
        }
        return new Command(GeneratorSpec.of(scale, seed, layout), out);
    }

    /** Runs the command and prints a short summary; returns the process exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        Command c;
        try {
            c = parseArgs(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            GenerationResult r = generate(c.spec(), c.outDir());
            out.printf(java.util.Locale.ROOT, "generated scale=%s seed=%d layout=%s into %s in %.1f s%n",
                    c.spec().scale().cliName(), c.spec().seed(), c.spec().layout().cliName(), c.outDir(),
                    r.elapsed().toMillis() / 1000.0);
            for (Map.Entry<String, Path> e : r.files().entrySet()) {
                out.printf(java.util.Locale.ROOT, "  %-32s %s%n", e.getKey(), e.getValue());
            }
            return 0;
        } catch (IOException | UncheckedIOException e) {
            err.println("generation failed: " + e.getMessage());
            return 1;
        }
    }

    public static void main(String[] args) {
        int code = run(System.out, System.err, args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
