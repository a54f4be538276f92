package org.miracs.sampledata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The planted ground truth, as small TSV files under {@code truth/} (NA for missing). */
final class TruthFileWriter {
    private TruthFileWriter() {
    }

    static final String RESISTANCE_PROGRAM = "resistance_program.tsv";
    static final String LINE_PROGRAMS = "line_programs.tsv";
    static final String PROGRAM_GENES = "program_genes.tsv";
    static final String RESISTANCE_MOAS = "resistance_moas.tsv";
    static final String PLANTED_ASSOCIATIONS = "planted_associations.tsv";
    static final String COMPOUNDS = "compounds.tsv";
    static final String SUMMARY = "summary.tsv";

    private static String na(String s) {
        return s == null ? "NA" : s;
    }

    private static String tf(boolean b) {
        return b ? "TRUE" : "FALSE";
    }

    static List<World.Line> dataLines(World w) {
        List<World.Line> out = new ArrayList<>();
        for (World.Line l : w.lines) {
            if (l.inRna || l.inProt || l.inPrism) {
                out.add(l);
            }
        }
        out.sort(Comparator.comparing((World.Line l) -> l.modelId == null ? "~" : l.modelId)
                .thenComparing(l -> l.strippedName));
        return out;
    }

    static Map<String, Path> write(World w, Path dir, Map<String, Long> counts) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        List<World.Line> data = dataLines(w);

        Path f = dir.resolve(RESISTANCE_PROGRAM);
        try (BufferedWriter out = SampleDataGenerator.open(f)) {
            out.write("model_id\tccle_name\toncotree_lineage\tP\n");
            for (World.Line l : data) {
                out.write(na(l.modelId) + "\t" + na(l.ccleName) + "\t" + na(l.annotatedLineage) + "\t"
                        + Fmt.fixed(l.z[World.P], 6) + "\n");
            }
        }
        files.put("truth/" + RESISTANCE_PROGRAM, f);

        f = dir.resolve(LINE_PROGRAMS);
        try (BufferedWriter out = SampleDataGenerator.open(f)) {
            out.write("model_id\tccle_name\toncotree_lineage\tbiological_lineage\tin_rna\tin_proteomics\tin_prism"
                    + "\tprism_depmap_id_na\tprism_str_fail\tG1\tG2\tG3\tG4\tP\n");
            for (World.Line l : data) {
                StringBuilder sb = new StringBuilder();
                sb.append(na(l.modelId)).append('\t').append(na(l.ccleName)).append('\t')
                        .append(na(l.annotatedLineage)).append('\t').append(Catalog.LINEAGES.get(l.bio).name())
                        .append('\t').append(tf(l.inRna)).append('\t').append(tf(l.inProt)).append('\t')
                        .append(tf(l.inPrism)).append('\t').append(tf(l.prismDepmapNa)).append('\t')
                        .append(tf(l.prismStrFail));
                for (double z : l.z) {
                    sb.append('\t');
                    Fmt.fixed(sb, z, 6);
                }
                out.write(sb.append('\n').toString());
            }
        }
        files.put("truth/" + LINE_PROGRAMS, f);

        f = dir.resolve(PROGRAM_GENES);
        try (BufferedWriter out = SampleDataGenerator.open(f)) {
            out.write("program\tgene_symbol\tentrez_id\texpression_column\tloading\tprotein_ids\n");
            for (int k = World.N_GENERIC; k >= 0; k--) { // P first
                for (World.Gene g : w.genes) {
                    if (g.module != k) {
                        continue;
                    }
                    List<String> ids = new ArrayList<>();
                    for (World.Protein pr : w.proteins) {
                        if (pr.gene == g && !pr.emptySymbol) {
                            ids.add(pr.proteinId);
                        }
                    }
                    out.write(World.PROGRAM_NAMES[k] + "\t" + g.symbol + "\t" + g.entrez + "\t" + g.column() + "\t"
                            + Fmt.fixed(g.loading, 6) + "\t" + (ids.isEmpty() ? "NA" : String.join(";", ids))
                            + "\n");
                }
            }
        }
        files.put("truth/" + PROGRAM_GENES, f);

        f = dir.resolve(RESISTANCE_MOAS);
        try (BufferedWriter out = SampleDataGenerator.open(f)) {
            out.write("moa\tn_compounds\tprogram\tdirection\tmean_beta_auc_per_sd\n");
            for (String m : Catalog.RESISTANCE_MOAS) {
                writeAssociation(w, out, m, "P", true, false);
            }
        }
        files.put("truth/" + RESISTANCE_MOAS, f);

        f = dir.resolve(PLANTED_ASSOCIATIONS);
        try (BufferedWriter out = SampleDataGenerator.open(f)) {
            out.write("moa\tn_compounds\tprogram\tdirection\tmean_beta_auc_per_sd\n");
            for (String m : Catalog.RESISTANCE_MOAS) {
                writeAssociation(w, out, m, "P", true, false);
            }
            writeAssociation(w, out, Catalog.EGFR_MOA, "G2", false, true);
        }
        files.put("truth/" + PLANTED_ASSOCIATIONS, f);

        f = dir.resolve(COMPOUNDS);
        try (BufferedWriter out = SampleDataGenerator.open(f)) {
            out.write("broad_id\tname\tmoa\tresistance_moa\tbeta_P\tbeta_G2\tbaseline_auc\tscreens\n");
            for (World.Drug d : w.drugs) {
                List<String> sc = new ArrayList<>();
                for (int s : d.screens) {
                    sc.add(World.SCREENS[s]);
                }
                out.write(d.broadId + "\t" + d.name + "\t" + na(d.moaField()) + "\t" + tf(d.resistance()) + "\t"
                        + Fmt.fixed(d.betaP, 6) + "\t" + Fmt.fixed(d.betaG2, 6) + "\t" + Fmt.fixed(d.base, 6) + "\t"
                        + String.join(";", sc) + "\n");
            }
        }
        files.put("truth/" + COMPOUNDS, f);

        f = dir.resolve(SUMMARY);
        try (BufferedWriter out = SampleDataGenerator.open(f)) {
            out.write("key\tvalue\n");
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                out.write(e.getKey() + "\t" + e.getValue() + "\n");
            }
        }
        files.put("truth/" + SUMMARY, f);
        return files;
    }

    private static void writeAssociation(World w, Writer out, String moa, String program, boolean positive,
            boolean g2) throws IOException {
        int n = 0;
        double sum = 0;
        for (World.Drug d : w.drugs) {
            if (d.moas.contains(moa)) {
                n++;
                sum += g2 ? d.betaG2 : d.betaP;
            }
        }
        out.write(moa + "\t" + n + "\t" + program + "\t" + (positive ? "resistance" : "sensitivity") + "\t"
                + Fmt.fixed(n == 0 ? 0 : sum / n, 6) + "\n");
    }
}
