package org.miracs.schema;

import static org.miracs.schema.Columns.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Every table the job writes, with its schema and documentation, defined once. */
public final class Tables {
    private Tables() {}

    public static final TableDef SAMPLES = table("harmonised/samples", "harmonised cell line (a MOFA sample)",
            col(MODEL_ID, DataTypes.StringType, false, "DepMap ModelID (ACH-nnnnnn)"),
            col(CCLE_NAME, DataTypes.StringType, true, "CCLE name (bridge to proteomics and PRISM)"),
            col(LINEAGE, DataTypes.StringType, false, "MOFA group: OncotreeLineage with '/' and ' ' replaced by '_'"),
            col(LINEAGE_NAME, DataTypes.StringType, false, "OncotreeLineage as written in Model.csv"),
            col(HAS_RNA, DataTypes.BooleanType, false, "line has RNA expression"),
            col(HAS_PROTEIN, DataTypes.BooleanType, false, "line has proteomics"),
            col(N_DRUGS, DataTypes.IntegerType, false, "compounds with an AUC for this line"));

    public static final TableDef FEATURES = table("harmonised/features", "omics feature kept for MOFA",
            col(VIEW, DataTypes.StringType, false, "rna or protein"),
            col(FEATURE, DataTypes.StringType, false, "feature id: 'SYMBOL (ENTREZ)' for rna, Protein_Id for protein"),
            col(GENE_SYMBOL, DataTypes.StringType, true, "gene symbol (null when the proteomics file has none)"),
            col(ENTREZ_ID, DataTypes.StringType, true, "Entrez gene id (rna)"),
            col(UNIPROT_ACC, DataTypes.StringType, true, "UniProt accession (protein)"),
            col(OBSERVED_FRACTION, DataTypes.DoubleType, false, "fraction of harmonised lines with a value"));

    public static final TableDef OMICS = table("harmonised/omics", "observed value (missing values have no row)",
            col(VIEW, DataTypes.StringType, false, "rna or protein"),
            col(LINEAGE, DataTypes.StringType, false, "MOFA group of the line"),
            col(MODEL_ID, DataTypes.StringType, false, "DepMap ModelID"),
            col(FEATURE, DataTypes.StringType, false, "feature id (see features)"),
            col(VALUE, DataTypes.DoubleType, false, "log2(TPM+1) for rna; normalised relative abundance for protein"));

    public static final TableDef DRUG_RESPONSE = table("harmonised/drug_response", "(line, compound) with an AUC",
            col(MODEL_ID, DataTypes.StringType, false, "DepMap ModelID"),
            col(BROAD_ID, DataTypes.StringType, false, "compound id (PRISM broad_id)"),
            col(SCREEN_ID, DataTypes.StringType, false, "screen the AUC comes from (highest priority available)"),
            col(AUC, DataTypes.DoubleType, false, "area under the dose-response curve; mean of the curves in that screen"),
            col(AUC_Z, DataTypes.DoubleType, true, "AUC z-scored per compound over all PRISM lines (null if its SD is 0)"),
            col(N_CURVES, DataTypes.IntegerType, false, "curves averaged"));

    public static final TableDef DRUGS = table("harmonised/drugs", "compound measured in a harmonised line",
            col(BROAD_ID, DataTypes.StringType, false, "compound id"),
            col(DRUG_NAME, DataTypes.StringType, true, "compound name"),
            col(MOAS, DataTypes.createArrayType(DataTypes.StringType, false), false, "mechanisms of action (PRISM moa split on ', ')"),
            col(TARGETS, DataTypes.createArrayType(DataTypes.StringType, false), false, "targets (PRISM target split on ', ')"),
            col(PHASE, DataTypes.StringType, true, "clinical phase"),
            col(N_LINES, DataTypes.IntegerType, false, "harmonised lines with an AUC"));

    public static final TableDef MOA_SETS = table("harmonised/moa_sets", "(MoA, compound) membership; a compound with two MoAs is in both",
            col(MOA, DataTypes.StringType, false, "mechanism of action"),
            col(BROAD_ID, DataTypes.StringType, false, "compound id"));

    public static final TableDef INGESTION_QC = table("qc/ingestion_qc", "ingestion or harmonisation step",
            col(STEP_INDEX, DataTypes.IntegerType, false, "order of the step"),
            col(STEP, DataTypes.StringType, false, "what the step did"),
            col(DATASET, DataTypes.StringType, false, "models, rna, protein, prism or harmonised"),
            col(LINE_COUNT, DataTypes.LongType, true, "cell lines after the step"),
            col(FEATURE_COUNT, DataTypes.LongType, true, "genes / proteins / compounds / curves after the step"),
            col(LINEAGE_COUNT, DataTypes.LongType, true, "lineages after the step"),
            col(DETAIL, DataTypes.StringType, true, "what was dropped and why"));

    // ---------------------------------------------------------------- phase 1: MOFA
    public static final TableDef FACTORS = table("mofa/factors", "(group, sample, factor): E[Z]",
            col(GROUP, DataTypes.StringType, false, "MOFA group (in run: the lineage)"),
            col(SAMPLE, DataTypes.StringType, false, "sample (in run: the ModelID)"),
            col(FACTOR, DataTypes.IntegerType, false, "factor number, from 1, ordered by total variance explained"),
            col(VALUE, DataTypes.DoubleType, false, "posterior mean of the factor value"));

    public static final TableDef WEIGHTS = table("mofa/weights", "(view, feature, factor): E[W], shared by all groups",
            col(VIEW, DataTypes.StringType, false, "view (rna, protein, or the manifest's view)"),
            col(FEATURE, DataTypes.StringType, false, "feature id"),
            col(FACTOR, DataTypes.IntegerType, false, "factor number"),
            col(VALUE, DataTypes.DoubleType, false, "posterior mean of the weight"));

    public static final TableDef VARIANCE_EXPLAINED = table("mofa/variance_explained", "(group, view, factor)",
            col(GROUP, DataTypes.StringType, false, "MOFA group"),
            col(VIEW, DataTypes.StringType, false, "view"),
            col(FACTOR, DataTypes.IntegerType, false, "factor number"),
            col(R2_PERCENT, DataTypes.DoubleType, false, "variance explained in percent, as MOFA2 reports it"));

    public static final TableDef VARIANCE_EXPLAINED_TOTAL = table("mofa/variance_explained_total", "(group, view)",
            col(GROUP, DataTypes.StringType, false, "MOFA group"),
            col(VIEW, DataTypes.StringType, false, "view"),
            col(R2_PERCENT, DataTypes.DoubleType, false, "variance explained by all factors together, in percent"));

    public static final TableDef TRAINING_TRACE = table("mofa/training_trace", "training iteration",
            col(ITERATION, DataTypes.IntegerType, false, "iteration (0 = after initialisation)"),
            col(ELBO, DataTypes.DoubleType, false, "evidence lower bound"),
            col(DELTA_ELBO, DataTypes.DoubleType, true, "change from the previous iteration"),
            col(ACTIVE_FACTORS, DataTypes.IntegerType, false, "factors not dropped"),
            col(SECONDS, DataTypes.DoubleType, false, "wall seconds of the iteration"));

    // ---------------------------------------------------------------- phases 2-3: correlate, enrich, cross-lineage
    public static final TableDef CORRELATIONS = table("correlate/correlations",
            "(lineage, factor, compound) that passed the correlation filters",
            col(LINEAGE, DataTypes.StringType, false, "lineage (MOFA group)"),
            col(FACTOR, DataTypes.IntegerType, false, "factor number"),
            col(BROAD_ID, DataTypes.StringType, false, "compound id"),
            col(COMPOUND_NAME, DataTypes.StringType, true, "compound name"),
            col(RHO, DataTypes.DoubleType, false, "Spearman rho of factor value and AUC over the lines with both"),
            col(P_VALUE, DataTypes.DoubleType, false, "two-sided p-value (t approximation, as scipy.stats.spearmanr)"),
            col(N, DataTypes.IntegerType, false, "lines with a factor value and an AUC"));

    public static final TableDef ENRICHMENT = table("enrich/enrichment",
            "(lineage, factor, MoA) with at least enrichment.min_set_size ranked compounds",
            col(LINEAGE, DataTypes.StringType, false, "lineage (MOFA group)"),
            col(FACTOR, DataTypes.IntegerType, false, "factor number"),
            col(SAMPLE, DataTypes.StringType, false, "the ranked list, '<lineage>:Factor<k>'"),
            col(SET, DataTypes.StringType, false, "MoA"),
            col(SIZE, DataTypes.IntegerType, false, "compounds of the MoA in the ranking"),
            col(ES, DataTypes.DoubleType, false, "enrichment score of the compounds ranked by rho (decoupler's running sum)"),
            col(NES, DataTypes.DoubleType, false, "normalised ES (ES / mean of same-sign nulls; 0 if none); > 0: resistance"),
            col(P_VALUE, DataTypes.DoubleType, false, "empirical p-value over the same-sign nulls"),
            col(P_ADJ, DataTypes.DoubleType, false, "Benjamini-Hochberg across the MoAs of this (lineage, factor)"),
            col(LEADING_EDGE, DataTypes.createArrayType(DataTypes.StringType, false), false,
                    "compounds up to the running-sum extreme (dc.pl.leading_edge), most extreme first"));

    public static final TableDef CROSS_LINEAGE_ASSOCIATIONS = table("enrich/cross_lineage_associations",
            "(factor, MoA, direction) called in at least one lineage under cross_lineage.rule",
            col(FACTOR, DataTypes.IntegerType, false, "factor number"),
            col(MOA, DataTypes.StringType, false, "mechanism of action"),
            col(DIRECTION, DataTypes.StringType, false, "resistance (high factor, high AUC: NES > 0, or above the upper percentile) or sensitivity"),
            col(N_LINEAGES, DataTypes.IntegerType, false, "lineages where the association is called"),
            col(LINEAGE_LIST, DataTypes.createArrayType(DataTypes.StringType, false), false, "those lineages, sorted"));

    /** Written by {@code bin/miracs enrich} (any ranked lists), not by {@code run}. */
    public static final TableDef RANKED_ENRICHMENT = table("enrichment",
            "(sample, set) of bin/miracs enrich with at least --min-set-size ranked members",
            col(SAMPLE, DataTypes.StringType, false, "sample (ranked list) of the scores file"),
            col(SET, DataTypes.StringType, false, "set of the sets file"),
            col(SIZE, DataTypes.IntegerType, false, "members of the set in the ranking"),
            col(ES, DataTypes.DoubleType, false, "enrichment score (decoupler's running sum)"),
            col(NES, DataTypes.DoubleType, false, "normalised ES (ES / mean of same-sign nulls; 0 if none)"),
            col(P_VALUE, DataTypes.DoubleType, false, "empirical p-value over the same-sign nulls"),
            col(P_ADJ, DataTypes.DoubleType, false, "Benjamini-Hochberg across the sets of this sample"),
            col(LEADING_EDGE, DataTypes.createArrayType(DataTypes.StringType, false), false,
                    "members up to the running-sum extreme (dc.pl.leading_edge), most extreme first"));

    // ---------------------------------------------------------------- phase 4: interpretation
    public static final TableDef TOP_FEATURES = table("interpret/top_features",
            "(view, factor, rank): the interpret.top_features largest |weights| of every factor",
            col(VIEW, DataTypes.StringType, false, "rna or protein"),
            col(FACTOR, DataTypes.IntegerType, false, "factor number"),
            col(RANK, DataTypes.IntegerType, false, "1 = largest |weight|"),
            col(FEATURE, DataTypes.StringType, false, "feature id"),
            col(GENE_SYMBOL, DataTypes.StringType, true, "gene symbol"),
            col(WEIGHT, DataTypes.DoubleType, false, "E[W], with its sign"));

    public static final TableDef PATHWAY_ACTIVITY = table("interpret/pathway_activity",
            "(network, view, factor, method, source): activity of a factor's loadings",
            col(NETWORK, DataTypes.StringType, false, "prior network (e.g. progeny_human_top500, or the TF network file)"),
            col(VIEW, DataTypes.StringType, false, "rna or protein (protein loadings collapsed to genes by min, as the authors)"),
            col(FACTOR, DataTypes.IntegerType, false, "factor number"),
            col(METHOD, DataTypes.StringType, false, "ulm or mlm (decoupler 2.0.4)"),
            col(SOURCE, DataTypes.StringType, false, "pathway or transcription factor"),
            col(SCORE, DataTypes.DoubleType, false, "t-value of the source's weights against the loadings"),
            col(P_VALUE, DataTypes.DoubleType, false, "two-sided p-value"),
            col(P_ADJ, DataTypes.DoubleType, false, "Benjamini-Hochberg across the sources of this (network, view, factor, method)"));

    public static final TableDef FOREST = table("interpret/forest",
            "(compound, lineage) of the selected (factor, MoA): factor-AUC correlation for the forest plot",
            col(FACTOR, DataTypes.IntegerType, false, "selected factor"),
            col(MOA, DataTypes.StringType, false, "selected MoA"),
            col(BROAD_ID, DataTypes.StringType, false, "compound of the MoA"),
            col(COMPOUND_NAME, DataTypes.StringType, true, "compound name"),
            col(LINEAGE, DataTypes.StringType, false, "lineage"),
            col(N, DataTypes.IntegerType, false, "lines with a factor value and an AUC"),
            col(R, DataTypes.DoubleType, false, "Pearson correlation of factor and AUC (the authors' np.corrcoef)"),
            col(CI_LOWER, DataTypes.DoubleType, false, "95% interval, Fisher z"),
            col(CI_UPPER, DataTypes.DoubleType, false, "95% interval, Fisher z"),
            col(P_VALUE, DataTypes.DoubleType, false, "two-sided p-value of r"));

    public static final TableDef SENSITIVITY_LINES = table("interpret/sensitivity_lines",
            "line of a lineage in the sensitive or resistant tail of the selected compound",
            col(FACTOR, DataTypes.IntegerType, false, "selected factor"),
            col(BROAD_ID, DataTypes.StringType, false, "selected compound"),
            col(LINEAGE, DataTypes.StringType, false, "lineage"),
            col(MODEL_ID, DataTypes.StringType, false, "line"),
            col(RESPONSE_GROUP, DataTypes.StringType, false, "sensitive (AUC <= 33rd percentile) or resistant (>= 67th)"),
            col(AUC, DataTypes.DoubleType, false, "AUC of the line"),
            col(FACTOR_VALUE, DataTypes.DoubleType, false, "factor value of the line"));

    public static final TableDef SENSITIVITY_TESTS = table("interpret/sensitivity_tests",
            "lineage with at least interpret.min_lines_per_group lines in each tail of the selected compound",
            col(FACTOR, DataTypes.IntegerType, false, "selected factor"),
            col(BROAD_ID, DataTypes.StringType, false, "selected compound"),
            col(LINEAGE, DataTypes.StringType, false, "lineage"),
            col(N_SENSITIVE, DataTypes.IntegerType, false, "sensitive lines"),
            col(N_RESISTANT, DataTypes.IntegerType, false, "resistant lines"),
            col(TEST, DataTypes.StringType, false, "t_test when Shapiro and Levene pass (the authors' path), else mann_whitney"),
            col(P_VALUE, DataTypes.DoubleType, false, "p-value of that test"),
            col(MANN_WHITNEY_P, DataTypes.DoubleType, false, "Mann-Whitney U p-value, always reported"));

    /** Columns that measure the machine, not the result: left out when two runs are compared. */
    public static final Set<String> TIMING_COLUMNS = Set.of(SECONDS);

    /** All tables in the order a run writes them. */
    public static List<TableDef> all() {
        return List.of(SAMPLES, FEATURES, OMICS, DRUG_RESPONSE, DRUGS, MOA_SETS, INGESTION_QC,
                FACTORS, WEIGHTS, VARIANCE_EXPLAINED, VARIANCE_EXPLAINED_TOTAL, TRAINING_TRACE,
                CORRELATIONS, ENRICHMENT, CROSS_LINEAGE_ASSOCIATIONS, RANKED_ENRICHMENT,
                TOP_FEATURES, PATHWAY_ACTIVITY, FOREST, SENSITIVITY_LINES, SENSITIVITY_TESTS);
    }

    private record Col(StructField field, String doc) {}

    private static Col col(String name, DataType type, boolean nullable, String doc) {
        return new Col(new StructField(name, type, nullable, Metadata.empty()), doc);
    }

    private static TableDef table(String path, String rowMeaning, Col... cols) {
        List<StructField> fields = new ArrayList<>();
        List<String> docs = new ArrayList<>();
        for (Col c : cols) {
            fields.add(c.field());
            docs.add(c.doc());
        }
        return new TableDef(path, rowMeaning, new StructType(fields.toArray(new StructField[0])), List.copyOf(docs));
    }
}
