package org.miracs.schema;

/** Every column name of every table the job writes, defined once. */
public final class Columns {
    private Columns() {}

    // samples and lineages
    public static final String MODEL_ID = "model_id";
    public static final String CCLE_NAME = "ccle_name";
    public static final String LINEAGE = "lineage";
    public static final String LINEAGE_NAME = "lineage_name";
    public static final String HAS_RNA = "has_rna";
    public static final String HAS_PROTEIN = "has_protein";
    public static final String N_DRUGS = "n_drugs";

    // features and omics values
    public static final String VIEW = "view";
    public static final String FEATURE = "feature";
    public static final String GENE_SYMBOL = "gene_symbol";
    public static final String ENTREZ_ID = "entrez_id";
    public static final String UNIPROT_ACC = "uniprot_acc";
    public static final String OBSERVED_FRACTION = "observed_fraction";
    public static final String VALUE = "value";

    // drugs
    public static final String BROAD_ID = "broad_id";
    public static final String DRUG_NAME = "name";
    public static final String MOA = "moa";
    public static final String MOAS = "moas";
    public static final String TARGETS = "targets";
    public static final String PHASE = "phase";
    public static final String SCREEN_ID = "screen_id";
    public static final String AUC = "auc";
    public static final String AUC_Z = "auc_z";
    public static final String N_CURVES = "n_curves";
    public static final String N_LINES = "n_lines";

    // QC
    public static final String STEP_INDEX = "step_index";
    public static final String STEP = "step";
    public static final String DATASET = "dataset";
    public static final String LINE_COUNT = "lines";
    public static final String FEATURE_COUNT = "features";
    public static final String LINEAGE_COUNT = "lineages";
    public static final String DETAIL = "detail";

    // phase 1: MOFA
    public static final String GROUP = "group";
    public static final String SAMPLE = "sample";
    public static final String FACTOR = "factor";
    public static final String R2_PERCENT = "r2_percent";
    public static final String ITERATION = "iteration";
    public static final String ELBO = "elbo";
    public static final String DELTA_ELBO = "delta_elbo";
    public static final String ACTIVE_FACTORS = "active_factors";
    public static final String SECONDS = "seconds";

    // ---------------------------------------------------------------- phases 2-3: correlate, enrich, cross-lineage
    /** Compound name in result tables (harmonised/drugs calls it {@link #DRUG_NAME}). */
    public static final String COMPOUND_NAME = "drug_name";
    public static final String RHO = "rho";
    public static final String P_VALUE = "p_value";
    public static final String N = "n";
    public static final String SET = "set";
    public static final String SIZE = "size";
    public static final String ES = "es";
    public static final String NES = "nes";
    public static final String P_ADJ = "p_adj";
    public static final String LEADING_EDGE = "leading_edge";
    public static final String DIRECTION = "direction";
    public static final String N_LINEAGES = "n_lineages";
    /** Lineage names (array); not the QC count column {@link #LINEAGE_COUNT}, which has the same name. */
    public static final String LINEAGE_LIST = "lineages";

    // ---------------------------------------------------------------- phase 4: interpretation
    public static final String RANK = "rank";
    public static final String WEIGHT = "weight";
    public static final String NETWORK = "network";
    public static final String METHOD = "method";
    public static final String SOURCE = "source";
    public static final String SCORE = "score";
    public static final String R = "r";
    public static final String CI_LOWER = "ci_lower";
    public static final String CI_UPPER = "ci_upper";
    public static final String RESPONSE_GROUP = "response_group";
    public static final String FACTOR_VALUE = "factor_value";
    public static final String N_SENSITIVE = "n_sensitive";
    public static final String N_RESISTANT = "n_resistant";
    public static final String TEST = "test";
    public static final String MANN_WHITNEY_P = "mann_whitney_p";
}
