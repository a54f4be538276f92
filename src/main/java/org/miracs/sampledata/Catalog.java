package org.miracs.sampledata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Static reference vocabularies (lineages, diseases, a few real genes and drugs, MoA names). */
final class Catalog {
    private Catalog() {
    }

    /** One OncoTree disease of a lineage, and the CCLE tissue suffix its lines get. */
    record Disease(String primaryDisease, String subtype, String code, String suffix) {
    }

    record LineageDef(String name, String site, Disease... diseases) {
    }

    static final String LI = "LARGE_INTESTINE";
    static final String HL = "HAEMATOPOIETIC_AND_LYMPHOID_TISSUE";

    static final List<LineageDef> LINEAGES = List.of(
        new LineageDef("Lung", "lung",
            new Disease("Non-Small Cell Lung Cancer", "Lung Adenocarcinoma", "LUAD", "LUNG"),
            new Disease("Non-Small Cell Lung Cancer", "Lung Squamous Cell Carcinoma", "LUSC", "LUNG"),
            new Disease("Lung Neuroendocrine Tumor", "Small Cell Lung Cancer", "SCLC", "LUNG")),
        new LineageDef("Breast", "breast",
            new Disease("Invasive Breast Carcinoma", "Breast Invasive Ductal Carcinoma", "IDC", "BREAST"),
            new Disease("Invasive Breast Carcinoma", "Breast Invasive Carcinoma, NOS", "BRCNOS", "BREAST")),
        new LineageDef("Bowel", "colon",
            new Disease("Colorectal Adenocarcinoma", "Colon Adenocarcinoma", "COAD", LI),
            new Disease("Colorectal Adenocarcinoma", "Rectal Adenocarcinoma", "READ", LI)),
        new LineageDef("Skin", "skin",
            new Disease("Melanoma", "Cutaneous Melanoma", "SKCM", "SKIN")),
        new LineageDef("Esophagus/Stomach", "stomach",
            new Disease("Esophagogastric Adenocarcinoma", "Stomach Adenocarcinoma", "STAD", "STOMACH"),
            new Disease("Esophageal Squamous Cell Carcinoma", "Esophageal Squamous Cell Carcinoma", "ESCC",
                "OESOPHAGUS"),
            new Disease("Esophagogastric Adenocarcinoma", "Esophageal Adenocarcinoma", "EAC", "OESOPHAGUS")),
        new LineageDef("CNS/Brain", "brain",
            new Disease("Diffuse Glioma", "Glioblastoma", "GB", "CENTRAL_NERVOUS_SYSTEM"),
            new Disease("Diffuse Glioma", "Astrocytoma", "ASTR", "CENTRAL_NERVOUS_SYSTEM"),
            new Disease("Embryonal Tumor", "Medulloblastoma", "MBL", "CENTRAL_NERVOUS_SYSTEM")),
        new LineageDef("Ovary/Fallopian Tube", "ovary",
            new Disease("Ovarian Epithelial Tumor", "High-Grade Serous Ovarian Cancer", "HGSOC", "OVARY"),
            new Disease("Ovarian Epithelial Tumor", "Clear Cell Ovarian Cancer", "CCOV", "OVARY")),
        new LineageDef("Bladder/Urinary Tract", "bladder",
            new Disease("Bladder Urothelial Carcinoma", "Bladder Urothelial Carcinoma", "BLCA", "URINARY_TRACT")),
        new LineageDef("Kidney", "kidney",
            new Disease("Renal Cell Carcinoma", "Renal Clear Cell Carcinoma", "CCRCC", "KIDNEY"),
            new Disease("Renal Cell Carcinoma", "Papillary Renal Cell Carcinoma", "PRCC", "KIDNEY")),
        new LineageDef("Pancreas", "pancreas",
            new Disease("Pancreatic Adenocarcinoma", "Pancreatic Adenocarcinoma", "PAAD", "PANCREAS")),
        new LineageDef("Uterus", "endometrium",
            new Disease("Endometrial Carcinoma", "Uterine Endometrioid Carcinoma", "UEC", "ENDOMETRIUM")),
        new LineageDef("Head and Neck", "oral_cavity",
            new Disease("Head and Neck Squamous Cell Carcinoma", "Head and Neck Squamous Cell Carcinoma", "HNSC",
                "UPPER_AERODIGESTIVE_TRACT")),
        new LineageDef("Liver", "liver",
            new Disease("Hepatocellular Carcinoma", "Hepatocellular Carcinoma", "HCC", "LIVER")),
        new LineageDef("Bone", "bone",
            new Disease("Osteosarcoma", "Osteosarcoma", "OS", "BONE"),
            new Disease("Ewing Sarcoma", "Ewing Sarcoma", "ES", "BONE")),
        new LineageDef("Soft Tissue", "soft_tissue",
            new Disease("Rhabdomyosarcoma", "Embryonal Rhabdomyosarcoma", "ERMS", "SOFT_TISSUE"),
            new Disease("Synovial Sarcoma", "Synovial Sarcoma", "SYNS", "SOFT_TISSUE")),
        new LineageDef("Lymphoid", "haematopoietic_and_lymphoid_tissue",
            new Disease("Mature B-Cell Neoplasms", "Diffuse Large B-Cell Lymphoma, NOS", "DLBCLNOS", HL),
            new Disease("Plasma Cell Myeloma", "Plasma Cell Myeloma", "PCM", HL),
            new Disease("T-Lymphoblastic Leukemia/Lymphoma", "T-Lymphoblastic Leukemia/Lymphoma", "TLL", HL)),
        new LineageDef("Myeloid", "bone_marrow",
            new Disease("Acute Myeloid Leukemia", "Acute Myeloid Leukemia", "AML", HL),
            new Disease("Myeloproliferative Neoplasms", "Chronic Myeloid Leukemia", "CML", HL)),
        new LineageDef("Peripheral Nervous System", "adrenal_gland",
            new Disease("Neuroblastoma", "Neuroblastoma", "NBL", "AUTONOMIC_GANGLIA")),
        new LineageDef("Biliary Tract", "bile_duct",
            new Disease("Cholangiocarcinoma", "Intrahepatic Cholangiocarcinoma", "IHCH", "BILIARY_TRACT")),
        new LineageDef("Thyroid", "thyroid",
            new Disease("Thyroid Cancer", "Anaplastic Thyroid Cancer", "THAP", "THYROID")),
        new LineageDef("Prostate", "prostate",
            new Disease("Prostate Adenocarcinoma", "Prostate Adenocarcinoma", "PRAD", "PROSTATE")),
        new LineageDef("Pleura", "pleura",
            new Disease("Pleural Mesothelioma", "Pleural Mesothelioma, Epithelioid Type", "PLEMESO", "PLEURA")),
        new LineageDef("Cervix", "cervix",
            new Disease("Cervical Squamous Cell Carcinoma", "Cervical Squamous Cell Carcinoma", "CESC", "CERVIX")),
        new LineageDef("Eye", "eye",
            new Disease("Uveal Melanoma", "Uveal Melanoma", "UM", "EYE")),
        new LineageDef("Ampulla of Vater", "ampulla_of_vater",
            new Disease("Ampullary Carcinoma", "Ampullary Carcinoma", "AMPCA", "SMALL_INTESTINE")),
        new LineageDef("Vulva/Vagina", "vulva",
            new Disease("Vulvar Carcinoma", "Vulvar Squamous Cell Carcinoma", "VSC", "VULVA")),
        new LineageDef("Testis", "testis",
            new Disease("Non-Seminomatous Germ Cell Tumor", "Embryonal Carcinoma", "EMBCA", "TESTIS")),
        new LineageDef("Adrenal Gland", "adrenal_gland",
            new Disease("Adrenocortical Carcinoma", "Adrenocortical Carcinoma", "ACC", "ADRENAL_CORTEX")));

    static LineageDef lineage(String name) {
        for (LineageDef d : LINEAGES) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown lineage " + name);
    }

    static int lineageIndex(String name) {
        for (int i = 0; i < LINEAGES.size(); i++) {
            if (LINEAGES.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown lineage " + name);
    }

    /** Cell line name prefixes: display form and stripped form. */
    static final String[][] LINE_PREFIXES = {
        {"NCI-H", "NCIH"}, {"HCC", "HCC"}, {"SNU-", "SNU"}, {"KM-", "KM"}, {"OV", "OV"}, {"SK-", "SK"},
        {"CAL-", "CAL"}, {"SW", "SW"}, {"HT-", "HT"}, {"LN-", "LN"}, {"U-", "U"}, {"T", "T"}, {"MDA-MB-", "MDAMB"},
        {"PANC ", "PANC"}, {"KP-", "KP"}, {"HuH-", "HUH"}, {"JHH-", "JHH"}, {"OCI-", "OCI"}, {"COLO ", "COLO"},
        {"TE-", "TE"}, {"A", "A"}, {"BT-", "BT"}, {"Hs ", "HS"}, {"YKG-", "YKG"}, {"KYSE-", "KYSE"},
        {"EFO-", "EFO"}, {"HEC-", "HEC"}, {"SJSA-", "SJSA"}, {"JIMT-", "JIMT"}, {"IGROV-", "IGROV"}, {"PC-", "PC"},
        {"MKN", "MKN"}, {"NUGC-", "NUGC"}, {"GP", "GP"}, {"BICR ", "BICR"}, {"DMS ", "DMS"}, {"Calu-", "CALU"},
        {"RCC", "RCC"}, {"KMS-", "KMS"}, {"SU-DHL-", "SUDHL"}, {"OE", "OE"}, {"ACC-", "ACC"}, {"HuCCT", "HUCCT"}};

    /** The three lines measured twice in the CCLE proteomics (display name, stripped, lineage, OncotreeCode). */
    static final String[][] DUPLICATED_LINES = {
        {"SW948", "SW948", "Bowel", "COAD", "TenPx20"},
        {"CAL-120", "CAL120", "Breast", "IDC", "TenPx28"},
        {"HCT-15", "HCT15", "Bowel", "COAD", "TenPx18"}};

    /** Real genes: symbol, Entrez id, UniProt accession (null = generated), protein name, module tag. */
    record RealGene(String symbol, long entrez, String accession, String proteinName, String module) {
    }

    static final List<RealGene> REAL_GENES = List.of(
        new RealGene("TSPAN6", 7105, "O43657", "Tetraspanin-6", null),
        // stress / inflammation (p53, NF-kB, TNF, JAK-STAT, UPR): the resistance program P
        new RealGene("MDM2", 4193, "Q00987", "E3 ubiquitin-protein ligase Mdm2", "P"),
        new RealGene("CDKN1A", 1026, "P38936", "Cyclin-dependent kinase inhibitor 1", "P"),
        new RealGene("GADD45A", 1647, "P24522", "Growth arrest and DNA damage-inducible protein GADD45 alpha", "P"),
        new RealGene("BAX", 581, "Q07812", "Apoptosis regulator BAX", "P"),
        new RealGene("BBC3", 27113, "Q9BXH1", "Bcl-2-binding component 3", "P"),
        new RealGene("FAS", 355, "P25445", "Tumor necrosis factor receptor superfamily member 6", "P"),
        new RealGene("TNFRSF10B", 8795, "O14763", "Tumor necrosis factor receptor superfamily member 10B", "P"),
        new RealGene("SESN1", 27244, "Q9Y6P5", "Sestrin-1", "P"),
        new RealGene("ZMAT3", 64393, "Q9HA38", "Zinc finger matrin-type protein 3", "P"),
        new RealGene("RRM2B", 50484, "Q7LG56", "Ribonucleoside-diphosphate reductase subunit M2 B", "P"),
        new RealGene("TP53I3", 9540, "Q53FA7", "Quinone oxidoreductase PIG3", "P"),
        new RealGene("NFKBIA", 4792, "P25963", "NF-kappa-B inhibitor alpha", "P"),
        new RealGene("NFKB1", 4790, "P19838", "Nuclear factor NF-kappa-B p105 subunit", "P"),
        new RealGene("NFKB2", 4791, "Q00653", "Nuclear factor NF-kappa-B p100 subunit", "P"),
        new RealGene("RELB", 5971, "Q01201", "Transcription factor RelB", "P"),
        new RealGene("TNFAIP3", 7128, "P21580", "Tumor necrosis factor alpha-induced protein 3", "P"),
        new RealGene("TNF", 7124, "P01375", "Tumor necrosis factor", "P"),
        new RealGene("CXCL8", 3576, "P10145", "Interleukin-8", "P"),
        new RealGene("IL6", 3569, "P05231", "Interleukin-6", "P"),
        new RealGene("ICAM1", 3383, "P05362", "Intercellular adhesion molecule 1", "P"),
        new RealGene("BIRC3", 330, "Q13489", "Baculoviral IAP repeat-containing protein 3", "P"),
        new RealGene("STAT1", 6772, "P42224", "Signal transducer and activator of transcription 1-alpha/beta", "P"),
        new RealGene("STAT3", 6774, "P40763", "Signal transducer and activator of transcription 3", "P"),
        new RealGene("IRF1", 3659, "P10914", "Interferon regulatory factor 1", "P"),
        new RealGene("JAK1", 3716, "P23458", "Tyrosine-protein kinase JAK1", "P"),
        new RealGene("JAK2", 3717, "O60674", "Tyrosine-protein kinase JAK2", "P"),
        new RealGene("SOCS3", 9021, "O14543", "Suppressor of cytokine signaling 3", "P"),
        new RealGene("ISG15", 9636, "P05161", "Ubiquitin-like protein ISG15", "P"),
        new RealGene("ATF6", 22926, "P18850", "Cyclic AMP-dependent transcription factor ATF-6 alpha", "P"),
        new RealGene("HSPA5", 3309, "P11021", "Endoplasmic reticulum chaperone BiP", "P"),
        new RealGene("XBP1", 7494, "P17861", "X-box-binding protein 1", "P"),
        new RealGene("DDIT3", 1649, "P35638", "DNA damage-inducible transcript 3 protein", "P"),
        new RealGene("ATF3", 467, "P18847", "Cyclic AMP-dependent transcription factor ATF-3", "P"),
        new RealGene("ATF4", 468, "P18848", "Cyclic AMP-dependent transcription factor ATF-4", "P"),
        new RealGene("JUN", 3725, "P05412", "Transcription factor Jun", "P"),
        new RealGene("FOS", 2353, "P01100", "Protein c-Fos", "P"),
        new RealGene("SERPINE1", 5054, "P05121", "Plasminogen activator inhibitor 1", "P"),
        new RealGene("CCL2", 6347, "P13500", "C-C motif chemokine 2", "P"),
        // generic programs
        new RealGene("MYC", 4609, "P01106", "Myc proto-oncogene protein", "G1"),
        new RealGene("EGFR", 1956, "P00533", "Epidermal growth factor receptor", "G2"),
        new RealGene("CDH1", 999, "P12830", "Cadherin-1", "G2"),
        new RealGene("KRT8", 3856, "P05787", "Keratin, type II cytoskeletal 8", "G2"),
        new RealGene("VIM", 7431, "P08670", "Vimentin", "G2-"),
        // others (parsing quirks: hyphen, lower-case 'orf', commas in protein names)
        new RealGene("TP53", 7157, "P04637", "Cellular tumor antigen p53", null),
        new RealGene("KRAS", 3845, "P01116", "GTPase KRas", null),
        new RealGene("GAPDH", 2597, "P04406", "Glyceraldehyde-3-phosphate dehydrogenase", null),
        new RealGene("ACTB", 60, "P60709", "Actin, cytoplasmic 1", null),
        new RealGene("PTEN", 5728, "P60484", "Phosphatidylinositol 3,4,5-trisphosphate 3-phosphatase and "
            + "dual-specificity protein phosphatase PTEN", null),
        new RealGene("BRCA1", 672, "P38398", "Breast cancer type 1 susceptibility protein", null),
        new RealGene("HLA-A", 3105, "P04439", "HLA class I histocompatibility antigen, A alpha chain", null),
        new RealGene("HLA-B", 3106, "P01889", "HLA class I histocompatibility antigen, B alpha chain", null),
        new RealGene("NKX2-1", 7080, "P43699", "Homeobox protein Nkx-2.1", null),
        new RealGene("C1orf112", 55732, null, "Uncharacterized protein C1orf112", null),
        new RealGene("TOP1", 7150, "P11387", "DNA topoisomerase 1", null),
        new RealGene("TOP2A", 7153, "P11388", "DNA topoisomerase 2-alpha", null),
        new RealGene("AURKA", 6790, "O14965", "Aurora kinase A", null),
        new RealGene("AURKB", 9212, "Q96GD4", "Aurora kinase B", null),
        new RealGene("HSP90AA1", 3320, "P07900", "Heat shock protein HSP 90-alpha", null),
        new RealGene("HSP90AB1", 3326, "P08238", "Heat shock protein HSP 90-beta", null),
        new RealGene("ESR1", 2099, "P03372", "Estrogen receptor", null),
        new RealGene("SOX2", 6657, "P48431", "Transcription factor SOX-2", null),
        new RealGene("MITF", 4286, "O75030", "Microphthalmia-associated transcription factor", null),
        new RealGene("PTPRC", 5788, "P08575", "Receptor-type tyrosine-protein phosphatase C", null),
        new RealGene("ALB", 213, "P02768", "Albumin", null));

    // --------------------------------------------------------------- MoAs

    static final String TOPO = "topoisomerase inhibitor";
    static final String AURORA = "Aurora kinase inhibitor";
    static final String HSP = "HSP inhibitor";
    static final String EGFR_MOA = "EGFR inhibitor";
    static final List<String> RESISTANCE_MOAS = List.of(TOPO, AURORA, HSP);

    /** Real PRISM MoA names, roughly by size (resistance MoAs are placed separately by rank). */
    static final List<String> REAL_MOAS = List.of(
        EGFR_MOA, "adrenergic receptor antagonist", "PI3K inhibitor", "HDAC inhibitor", "cyclooxygenase inhibitor",
        "CDK inhibitor", "glucocorticoid receptor agonist", "tubulin polymerization inhibitor",
        "dopamine receptor antagonist", "serotonin receptor antagonist", "VEGFR inhibitor", "mTOR inhibitor",
        "acetylcholine receptor antagonist", "PARP inhibitor", "histamine receptor antagonist", "DNA inhibitor",
        "RAF inhibitor", "MEK inhibitor", "Bcr-Abl kinase inhibitor", "FLT3 inhibitor", "JAK inhibitor",
        "proteasome inhibitor", "bromodomain inhibitor", "PDGFR tyrosine kinase receptor inhibitor",
        "phosphodiesterase inhibitor", "sodium channel blocker", "calcium channel blocker",
        "estrogen receptor antagonist", "androgen receptor antagonist", "ALK tyrosine kinase receptor inhibitor",
        "BCL inhibitor", "IGF-1 inhibitor", "HMGCR inhibitor", "dihydrofolate reductase inhibitor",
        "ribonucleotide reductase inhibitor", "thymidylate synthase inhibitor", "DNA alkylating agent",
        "PLK inhibitor", "KIT inhibitor", "SRC inhibitor", "MDM inhibitor", "NAMPT inhibitor",
        "NEDD8 activating enzyme inhibitor", "CHK inhibitor", "ATM kinase inhibitor", "ATR kinase inhibitor",
        "AKT inhibitor", "p38 MAPK inhibitor", "glutamate receptor antagonist", "GABA receptor agonist",
        "opioid receptor agonist", "potassium channel blocker", "PPAR receptor agonist", "retinoid receptor agonist",
        "HIV protease inhibitor", "bacterial cell wall synthesis inhibitor", "DNA methyltransferase inhibitor",
        "tyrosine kinase inhibitor", "protein synthesis inhibitor", "RNA polymerase inhibitor",
        "sigma receptor agonist", "monoamine oxidase inhibitor", "carbonic anhydrase inhibitor", "ATPase inhibitor");

    /** MoAs treated as oncology (disease.area "oncology"). */
    static final List<String> ONCOLOGY_MOAS = List.of(
        EGFR_MOA, "PI3K inhibitor", "HDAC inhibitor", "CDK inhibitor", "tubulin polymerization inhibitor",
        "VEGFR inhibitor", "mTOR inhibitor", "PARP inhibitor", "DNA inhibitor", "RAF inhibitor", "MEK inhibitor",
        "Bcr-Abl kinase inhibitor", "FLT3 inhibitor", "JAK inhibitor", "proteasome inhibitor",
        "bromodomain inhibitor", "PDGFR tyrosine kinase receptor inhibitor", "estrogen receptor antagonist",
        "androgen receptor antagonist", "ALK tyrosine kinase receptor inhibitor", "BCL inhibitor",
        "IGF-1 inhibitor", "dihydrofolate reductase inhibitor", "ribonucleotide reductase inhibitor",
        "thymidylate synthase inhibitor", "DNA alkylating agent", "PLK inhibitor", "KIT inhibitor", "SRC inhibitor",
        "MDM inhibitor", "NAMPT inhibitor", "NEDD8 activating enzyme inhibitor", "CHK inhibitor",
        "ATM kinase inhibitor", "ATR kinase inhibitor", "AKT inhibitor", "DNA methyltransferase inhibitor",
        "tyrosine kinase inhibitor", TOPO, AURORA, HSP);

    static final String[] ENZYME_TARGETS = {
        "AAK1", "ABL", "ACK", "adenosine deaminase", "adenylyl cyclase", "aldose reductase", "aminopeptidase",
        "angiotensin converting enzyme", "aromatase", "ATP citrate lyase", "BTK", "CAMK", "casein kinase",
        "cathepsin", "CDC7", "CHK1", "CLK", "cholinesterase", "COMT", "CSF1R", "cytochrome P450", "DDR",
        "DGAT", "DHODH", "DNA-PK", "DYRK", "elastase", "ENPP", "EZH2", "FAAH", "farnesyltransferase", "FGFR",
        "FLT4", "GSK3", "HCV protease", "heme oxygenase", "hexokinase", "HIF", "IDH", "IKK", "IRAK", "ITK",
        "JNK", "KDM", "LRRK2", "LSD1", "lipoxygenase", "MAP kinase", "MELK", "MET", "MTH1", "NEK", "NTRK",
        "PAK", "PDK", "PERK", "PIM", "PKC", "PKA", "PLA2", "PRMT", "PTP", "RET", "RHO associated kinase",
        "ROCK", "RSK", "SIRT", "SYK", "TGF beta receptor", "thrombin", "TIE", "TNIK", "TTK", "ULK", "USP",
        "WEE1", "xanthine oxidase", "MNK", "MAST", "SGK", "STK33", "TBK1", "HSD", "acetyl-CoA carboxylase",
        "glutaminase", "lactate dehydrogenase", "fatty acid synthase", "squalene synthase", "tankyrase",
        "topoisomerase II", "telomerase", "sphingosine kinase", "protein kinase", "neprilysin", "renin",
        "reverse transcriptase", "integrase", "beta lactamase", "DNA gyrase", "dihydropteroate synthase",
        "ergosterol synthesis", "ornithine decarboxylase", "tryptophan hydroxylase", "tyrosinase",
        "vitamin K epoxide reductase", "chitin synthase", "cysteine protease", "metalloproteinase", "calpain",
        "caspase", "dipeptidyl peptidase", "glycogen phosphorylase", "HSP70", "kinesin", "nucleoside transporter",
        "exportin", "SUMO activating enzyme", "ubiquitin specific protease", "gamma secretase", "beta secretase",
        "PDE4", "PDE5", "PDE3", "MALT1", "SHP2", "PRC2", "DOT1L", "menin", "KRAS G12C", "SOS1", "MCL1",
        "survivin", "XIAP", "ERK", "FAK", "PKR", "HER2", "PI4K", "VPS34", "PIP5K", "DNA polymerase"};

    static final String[] RECEPTOR_TARGETS = {
        "adenosine receptor", "angiotensin receptor", "bradykinin receptor", "cannabinoid receptor",
        "cholecystokinin receptor", "corticotropin releasing factor receptor", "endothelin receptor",
        "free fatty acid receptor", "galanin receptor", "ghrelin receptor", "glucagon receptor",
        "gonadotropin releasing factor receptor", "imidazoline receptor", "leukotriene receptor",
        "melanocortin receptor", "melatonin receptor", "mineralocorticoid receptor", "neurokinin receptor",
        "neuropeptide receptor", "neurotensin receptor", "orexin receptor", "oxytocin receptor",
        "platelet activating factor receptor", "progesterone receptor", "prostanoid receptor", "purinergic receptor",
        "somatostatin receptor", "thromboxane receptor", "thyroid hormone receptor", "vasopressin receptor",
        "vitamin D receptor", "calcitonin receptor", "chemokine receptor", "complement receptor",
        "estrogen related receptor", "farnesoid X receptor", "liver X receptor", "sphingosine receptor",
        "trace amine receptor", "TRPV"};

    static final String[] CHANNEL_TARGETS = {
        "chloride channel", "HCN channel", "KATP channel", "TRP channel", "ryanodine receptor",
        "glycine receptor", "nicotinic receptor", "ASIC", "piezo channel", "aquaporin"};

    /** Exactly {@code n} distinct MoA names: real ones first, then realistic target/action combinations. */
    static List<String> moaNames(int n) {
        List<String> out = new ArrayList<>();
        for (String m : REAL_MOAS) {
            out.add(m);
        }
        java.util.Set<String> seen = new java.util.HashSet<>(out);
        seen.addAll(RESISTANCE_MOAS);
        for (String t : ENZYME_TARGETS) {
            for (String a : new String[]{"inhibitor", "activator"}) {
                String m = t + " " + a;
                if (seen.add(m)) {
                    out.add(m);
                }
            }
        }
        for (String t : RECEPTOR_TARGETS) {
            for (String a : new String[]{"antagonist", "agonist", "modulator"}) {
                String m = t + " " + a;
                if (seen.add(m)) {
                    out.add(m);
                }
            }
        }
        for (String t : CHANNEL_TARGETS) {
            for (String a : new String[]{"blocker", "activator"}) {
                String m = t + " " + a;
                if (seen.add(m)) {
                    out.add(m);
                }
            }
        }
        // interleave so the combinations don't come in alphabetical blocks when ranked by size
        List<String> real = out.subList(0, REAL_MOAS.size());
        List<String> combos = new ArrayList<>(out.subList(REAL_MOAS.size(), out.size()));
        java.util.SplittableRandom r = new java.util.SplittableRandom(0x5EEDL);
        Rand.shuffle(combos, r);
        List<String> res = new ArrayList<>(real);
        res.addAll(combos);
        int k = 1;
        while (res.size() < n) {
            res.add("kinase family " + k++ + " inhibitor");
        }
        return new ArrayList<>(res.subList(0, n));
    }

    // --------------------------------------------------------------- drugs

    static final Map<String, List<String>> REAL_DRUGS = new LinkedHashMap<>();

    static {
        REAL_DRUGS.put(TOPO, List.of("topotecan", "irinotecan", "etoposide", "camptothecin", "doxorubicin",
            "mitoxantrone", "SN-38", "teniposide", "amsacrine", "daunorubicin", "idarubicin", "epirubicin",
            "belotecan", "exatecan", "gimatecan", "rubitecan", "amonafide", "pixantrone", "valrubicin", "sobuzoxane",
            "voreloxin", "aclarubicin", "pirarubicin", "becatecarin", "banoxantrone", "genz-644282", "lucanthone"));
        REAL_DRUGS.put(AURORA, List.of("tozasertib", "alisertib", "barasertib", "danusertib", "ENMD-2076",
            "AMG-900", "CYC116", "PHA-680632", "SNS-314", "AT9283", "MLN8054", "hesperadin", "ZM-447439",
            "GSK1070916", "TAK-901", "AZD1152-HQPA", "reversine", "PF-03814735"));
        REAL_DRUGS.put(HSP, List.of("tanespimycin", "alvespimycin", "geldanamycin", "luminespib", "ganetespib",
            "retaspimycin", "onalespib", "SNX-2112", "PU-H71", "BIIB021", "XL888", "NVP-HSP990", "KW-2478",
            "debio-0932", "VER-49009"));
        REAL_DRUGS.put(EGFR_MOA, List.of("erlotinib", "gefitinib", "afatinib", "lapatinib", "osimertinib",
            "dacomitinib", "neratinib", "canertinib", "pelitinib", "varlitinib", "WZ4002", "AZD3759", "icotinib",
            "poziotinib", "rociletinib", "sapitinib", "AEE788", "CUDC-101"));
    }

    static final Map<String, List<String>> MOA_TARGETS = Map.of(
        TOPO, List.of("TOP1", "TOP2A", "TOP1, TOP2A", "TOP2A, TOP2B"),
        AURORA, List.of("AURKA", "AURKA, AURKB", "AURKA, AURKB, AURKC", "AURKB"),
        HSP, List.of("HSP90AA1, HSP90AB1", "HSP90AA1, HSP90AB1, HSP90B1, TRAP1", "HSP90AA1"),
        EGFR_MOA, List.of("EGFR", "EGFR, ERBB2", "EGFR, ERBB2, ERBB4"));

    static final String[] CODE_PREFIXES = {
        "AZD", "GSK", "PF-0", "BMS-", "JNJ-", "LY", "SB-", "NVP-", "CGP-", "RO", "BAY-", "KW-", "ONO-", "TAK-",
        "MK-", "CP-", "SR-", "ABT-", "AG-", "GDC-", "CH", "E", "AT", "SCH-", "WAY-", "L-", "U-", "Y-", "PD-"};

    static final String[] NAME_STEMS = {
        "ami", "bro", "cla", "dexa", "flu", "halo", "keto", "lora", "meto", "nife", "olan", "pra", "quet", "rani",
        "sera", "tela", "vera", "zola", "ace", "beta", "cefo", "dopa", "epi", "gaba", "imi", "lido", "nora",
        "oxa", "pino", "rifa", "sulfa", "tri", "val", "xilo", "zido", "cari", "desi", "glu", "hydro", "levo"};

    static final String[] NAME_SUFFIXES = {
        "pril", "sartan", "olol", "dipine", "azole", "tinib", "platin", "statin", "oxetine", "pine", "setron",
        "tidine", "floxacin", "cillin", "vir", "lukast", "profen", "semide", "zepam", "triptan", "gliptin",
        "lamide", "mycin", "conazole", "parin", "dronate", "sone", "terol", "tadine", "vastatin"};

    static final String[] GENERIC_NAMES_WITH_SPACES = {
        "valproic acid", "mycophenolic acid", "retinoic acid", "clofibric acid", "ursodeoxycholic acid",
        "arsenic trioxide", "gallium nitrate", "zinc pyrithione"};

    static final String[] OTHER_AREAS = {
        "neurology/psychiatry", "cardiology", "infectious disease", "endocrinology", "gastroenterology",
        "dermatology", "pulmonary", "rheumatology", "ophthalmology", "urology", "hematology", "obstetrics",
        "immunology", "nephrology"};

    static final String[] ONCO_INDICATIONS = {
        "breast cancer", "non-small cell lung cancer (NSCLC)", "colorectal cancer", "ovarian cancer",
        "small cell lung cancer (SCLC)", "acute myeloid leukemia (AML)", "multiple myeloma", "melanoma",
        "pancreatic cancer", "prostate cancer", "renal cell carcinoma (RCC)", "chronic myelogenous leukemia (CML)",
        "gastric cancer", "cervical cancer", "testicular cancer", "glioblastoma multiforme (GBM)"};

    static final String[] OTHER_INDICATIONS = {
        "hypertension", "schizophrenia", "depression", "epilepsy", "pain relief", "bacterial infection",
        "fungal infection", "HIV", "asthma", "rheumatoid arthritis", "type II diabetes mellitus", "angina pectoris",
        "migraine headache", "allergic rhinitis", "nausea", "insomnia", "hypercholesterolemia", "psoriasis",
        "glaucoma", "gout", "osteoporosis", "heart failure", "Parkinson's Disease", "anxiety"};

    static final String[] PHASES = {"Launched", "Phase 3", "Phase 2", "Phase 1", "Preclinical", "Withdrawn"};

    static final String[] SMILES_FRAGMENTS = {
        "c1ccccc1", "C(=O)N", "CCN(CC)", "c1ccncc1", "O", "Cl", "F", "C(=O)O", "N1CCOCC1", "S(=O)(=O)N", "C#N",
        "OC", "c1ccc2[nH]ccc2c1", "CC(C)", "N", "C(F)(F)F", "c1cc(ccc1)", "CCO", "N1CCN(C)CC1", "[C@@H](O)",
        "c1nc2ccccc2s1", "Br", "C=C", "CC(=O)"};

    static final List<String> RACES = Arrays.asList("caucasian", "asian", "black_or_african_american", "unknown",
        null);
}
