package org.miracs.sampledata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every size the generator uses. Presets: {@link #sample()}, {@link #paper()}, {@link #tenX()}; tests may build their
 * own (e.g. {@code ScaleParams.sample().withGenes(...)}) but the presets are what the CLI exposes.
 *
 * @param name                  label written to truth/summary.tsv
 * @param bothLines             per OncotreeLineage, lines that have RNA and proteomics (the MIRACS cohort)
 * @param protOnlyMappedLines   proteomics lines in Model.csv without RNA
 * @param protUnmappedLines     proteomics lines whose CCLEName is not in Model.csv
 * @param rnaOnlyLines          per OncotreeLineage, lines with RNA but no proteomics
 * @param naLineageModels       RNA-only models whose OncotreeLineage is NA
 * @param naCcleNameModels      RNA-only models (newer, high ACH ids) whose CCLEName is NA
 * @param extraModels           Model.csv rows without any data file
 * @param genes                 RNA gene columns
 * @param resistanceModuleGenes genes loaded by the resistance program P
 * @param genericModuleGenes    genes per generic program G1..G4
 * @param proteinRows           rows of the proteomics file
 * @param isoformFraction       fraction of protein rows that are extra isoforms of a gene already present
 * @param emptySymbolFraction   fraction of protein rows with an empty Gene_Symbol
 * @param highMissingRows       protein rows with more than half of the samples missing (removed by a 50% filter)
 * @param plexSize              sample columns per TMT plex (TenPxNN)
 * @param compounds             PRISM broad_ids
 * @param sharedNameCompounds   broad_ids that are a second batch (same name) of another compound
 * @param moaSizes              number of compounds per MoA, largest first (drives the MoA count)
 * @param resistanceMoaRanks    positions in {@code moaSizes} of topoisomerase, Aurora kinase and HSP inhibitor
 * @param naMoaCompounds        compounds with NA moa
 * @param prismProtCoverage     fraction of mapped proteomics lines (per lineage) that are in PRISM
 * @param prismRnaOnlyLines     RNA-only lines that are in PRISM
 * @param prismNaDepmapLines    PRISM lines written with NA depmap_id (valid ccle_name)
 * @param prismStrFailLines     PRISM lines with passed_str_profiling FALSE
 * @param multiScreenFraction   fraction of compounds measured in more than one PRISM screen
 * @param extraSequencingRows   (2025 layout) models with an extra non-default sequencing row
 */
public record ScaleParams(
        String name,
        List<LineageCount> bothLines,
        int protOnlyMappedLines,
        int protUnmappedLines,
        List<LineageCount> rnaOnlyLines,
        int naLineageModels,
        int naCcleNameModels,
        int extraModels,
        int genes,
        int resistanceModuleGenes,
        int genericModuleGenes,
        int proteinRows,
        double isoformFraction,
        double emptySymbolFraction,
        int highMissingRows,
        int plexSize,
        int compounds,
        int sharedNameCompounds,
        int[] moaSizes,
        int[] resistanceMoaRanks,
        int naMoaCompounds,
        double prismProtCoverage,
        int prismRnaOnlyLines,
        int prismNaDepmapLines,
        int prismStrFailLines,
        double multiScreenFraction,
        int extraSequencingRows) {

    /** Lines of one OncotreeLineage (exact 24Q4 spelling, e.g. "Ovary/Fallopian Tube"). */
    public record LineageCount(String lineage, int count) {
    }

    public ScaleParams {
        bothLines = List.copyOf(bothLines);
        rnaOnlyLines = List.copyOf(rnaOnlyLines);
        moaSizes = moaSizes.clone();
        resistanceMoaRanks = resistanceMoaRanks.clone();
        if (resistanceMoaRanks.length != 3) {
            throw new IllegalArgumentException("need 3 resistance MoA ranks");
        }
    }

    @Override
    public int[] moaSizes() {
        return moaSizes.clone();
    }

    @Override
    public int[] resistanceMoaRanks() {
        return resistanceMoaRanks.clone();
    }

    public int bothLineCount() {
        return bothLines.stream().mapToInt(LineageCount::count).sum();
    }

    public int rnaLineCount() {
        return bothLineCount() + rnaOnlyLines.stream().mapToInt(LineageCount::count).sum() + naLineageModels;
    }

    public int proteomicsLineCount() {
        return bothLineCount() + protOnlyMappedLines + protUnmappedLines;
    }

    /** A copy with a different number of genes (and proportional module sizes); handy for tiny tests. */
    public ScaleParams withGenes(int newGenes, int newProteinRows) {
        return new ScaleParams(name, bothLines, protOnlyMappedLines, protUnmappedLines, rnaOnlyLines, naLineageModels,
                naCcleNameModels, extraModels, newGenes, resistanceModuleGenes, genericModuleGenes, newProteinRows,
                isoformFraction, emptySymbolFraction, highMissingRows, plexSize, compounds, sharedNameCompounds,
                moaSizes, resistanceMoaRanks, naMoaCompounds, prismProtCoverage, prismRnaOnlyLines,
                prismNaDepmapLines, prismStrFailLines, multiScreenFraction, extraSequencingRows);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ScaleParams p)) {
            return false;
        }
        return toString().equals(p.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "ScaleParams[" + name + ", both=" + bothLines + ", protOnly=" + protOnlyMappedLines + ", unmapped="
                + protUnmappedLines + ", rnaOnly=" + rnaOnlyLines + ", naLineage=" + naLineageModels + ", naCcle="
                + naCcleNameModels + ", extra=" + extraModels + ", genes=" + genes + ", resGenes="
                + resistanceModuleGenes + ", genGenes=" + genericModuleGenes + ", proteinRows=" + proteinRows
                + ", iso=" + isoformFraction + ", empty=" + emptySymbolFraction + ", highMissing=" + highMissingRows
                + ", plex=" + plexSize + ", compounds=" + compounds + ", shared=" + sharedNameCompounds + ", moas="
                + Arrays.toString(moaSizes) + ", resRanks=" + Arrays.toString(resistanceMoaRanks) + ", naMoa="
                + naMoaCompounds + ", cov=" + prismProtCoverage + ", prismRnaOnly=" + prismRnaOnlyLines
                + ", naDepmap=" + prismNaDepmapLines + ", strFail=" + prismStrFailLines + ", multiScreen="
                + multiScreenFraction + ", extraSeq="
                + extraSequencingRows + "]";
    }

    // ------------------------------------------------------------------ presets

    private static List<LineageCount> counts(Object... kv) {
        List<LineageCount> out = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.add(new LineageCount((String) kv[i], (Integer) kv[i + 1]));
        }
        return out;
    }

    public static ScaleParams sample() {
        List<LineageCount> both = counts(
                "Lung", 16, "Breast", 16, "Bowel", 16, "Esophagus/Stomach", 14, "CNS/Brain", 15,
                "Ovary/Fallopian Tube", 17, "Head and Neck", 2);
        List<LineageCount> rnaOnly = counts(
                "Lung", 3, "Breast", 3, "Bowel", 3, "Esophagus/Stomach", 3, "CNS/Brain", 3,
                "Ovary/Fallopian Tube", 3, "Kidney", 6, "Skin", 6, "Pancreas", 5, "Lymphoid", 5, "Liver", 4, "Bone", 3);
        int[] moa = {14, 10, 9, 8, 8, 7, 7, 6, 6, 6, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1};
        return new ScaleParams("sample", both, 1, 2, rnaOnly, 2, 4, 10,
                400, 40, 25, 260, 0.03, 0.015, 11, 10,
                120, 3, moa, new int[]{2, 4, 6}, 4,
                0.85, 8, 2, 2, 0.3, 5);
    }

    /** Paper lineage sizes (370 lines with both omics, 22 lineages). */
    static List<LineageCount> paperBoth(int factor) {
        Object[] kv = {
            "Lung", 64, "Bowel", 30, "Breast", 29, "Skin", 26, "CNS/Brain", 24, "Ovary/Fallopian Tube", 22,
            "Esophagus/Stomach", 22, "Pancreas", 20, "Kidney", 17, "Lymphoid", 17, "Head and Neck", 15,
            "Bladder/Urinary Tract", 14, "Uterus", 13, "Liver", 12, "Myeloid", 10, "Bone", 8, "Soft Tissue", 7,
            "Peripheral Nervous System", 6, "Biliary Tract", 4, "Thyroid", 4, "Prostate", 3, "Pleura", 3};
        for (int i = 1; i < kv.length; i += 2) {
            kv[i] = (Integer) kv[i] * factor;
        }
        return counts(kv);
    }

    private static final Object[] RNA_ONLY_WEIGHTS = {
        "Lung", 140, "Lymphoid", 110, "CNS/Brain", 85, "Skin", 75, "Myeloid", 60, "Bowel", 60, "Breast", 40,
        "Ovary/Fallopian Tube", 45, "Esophagus/Stomach", 50, "Pancreas", 40, "Kidney", 35, "Head and Neck", 55,
        "Bladder/Urinary Tract", 25, "Uterus", 30, "Liver", 22, "Bone", 45, "Soft Tissue", 50,
        "Peripheral Nervous System", 40, "Biliary Tract", 30, "Thyroid", 15, "Prostate", 10, "Pleura", 20,
        "Cervix", 22, "Eye", 15, "Ampulla of Vater", 8, "Vulva/Vagina", 6, "Testis", 5, "Adrenal Gland", 3};

    /** Largest-remainder apportionment of {@code total} lines over the realistic RNA-only lineage weights. */
    static List<LineageCount> rnaOnlyDistribution(int total) {
        Map<String, Integer> w = new LinkedHashMap<>();
        long sum = 0;
        for (int i = 0; i < RNA_ONLY_WEIGHTS.length; i += 2) {
            w.put((String) RNA_ONLY_WEIGHTS[i], (Integer) RNA_ONLY_WEIGHTS[i + 1]);
            sum += (Integer) RNA_ONLY_WEIGHTS[i + 1];
        }
        List<String> names = new ArrayList<>(w.keySet());
        int[] base = new int[names.size()];
        double[] rem = new double[names.size()];
        int assigned = 0;
        for (int i = 0; i < names.size(); i++) {
            double exact = (double) total * w.get(names.get(i)) / sum;
            base[i] = (int) Math.floor(exact);
            rem[i] = exact - base[i];
            assigned += base[i];
        }
        while (assigned < total) {
            int best = 0;
            for (int i = 1; i < rem.length; i++) {
                if (rem[i] > rem[best]) {
                    best = i;
                }
            }
            base[best]++;
            rem[best] = -1;
            assigned++;
        }
        List<LineageCount> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (base[i] > 0) {
                out.add(new LineageCount(names.get(i), base[i]));
            }
        }
        return out;
    }

    /** Skewed (power-law) MoA sizes: max(1, floor(a * rank^-b + 0.35)), largest first. */
    static int[] skewedMoaSizes(int moas, double a, double b) {
        int[] s = new int[moas];
        for (int i = 0; i < moas; i++) {
            s[i] = Math.max(1, (int) Math.floor(a * StrictMath.pow(i + 1, -b) + 0.35));
        }
        return s;
    }

    public static ScaleParams paper() {
        // 1,673 RNA lines = 370 (both) + 1,300 RNA-only with a lineage + 3 with NA lineage.
        return new ScaleParams("paper", paperBoth(1), 2, 3, rnaOnlyDistribution(1300), 3, 150, 250,
                19138, 200, 250, 12755, 0.04, 0.012, 559, 9,
                1502, 50, skewedMoaSizes(444, 57, 0.6), new int[]{3, 6, 11}, 45,
                0.85, 164, 2, 6, 0.45, 40);
    }

    public static ScaleParams tenX() {
        return new ScaleParams("10x", paperBoth(10), 20, 30, rnaOnlyDistribution(297), 3, 30, 100,
                19138, 200, 250, 12755, 0.04, 0.012, 559, 9,
                1502, 50, skewedMoaSizes(444, 57, 0.6), new int[]{3, 6, 11}, 45,
                0.85, 200, 2, 20, 0.45, 100);
    }
}
