package org.miracs.sampledata;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Model.csv in the DepMap 24Q4 layout (47 columns). R write.csv conventions, as in the public 24Q4 excerpts:
 * header and strings double-quoted, missing values as the unquoted NA literal, Age / WTSIMasterCellID / COSMICID as
 * bare integers, logicals as bare TRUE/FALSE.
 */
final class ModelFileWriter {
    private ModelFileWriter() {
    }

    static final List<String> COLUMNS = List.of(
        "ModelID", "PatientID", "CellLineName", "StrippedCellLineName", "DepmapModelType", "OncotreeLineage",
        "OncotreePrimaryDisease", "OncotreeSubtype", "OncotreeCode", "PatientSubtypeFeatures", "RRID", "Age",
        "AgeCategory", "Sex", "PatientRace", "PrimaryOrMetastasis", "SampleCollectionSite", "SourceType",
        "SourceDetail", "CatalogNumber", "ModelType", "TissueOrigin", "ModelDerivationMaterial", "ModelTreatment",
        "PatientTreatmentStatus", "PatientTreatmentType", "PatientTreatmentDetails", "Stage", "StagingSystem",
        "PatientTumorGrade", "PatientTreatmentResponse", "GrowthPattern", "OnboardedMedia", "FormulationID",
        "SerumFreeMedia", "PlateCoating", "EngineeredModel", "EngineeredModelDetails", "CulturedResistanceDrug",
        "PublicComments", "CCLEName", "HCMIID", "ModelAvailableInDbgap", "ModelSubtypeFeatures", "WTSIMasterCellID",
        "SangerModelID", "COSMICID");

    private static final String[] COMMENTS_WITH_COMMA = {
        "Derived from the same patient as %s, see also the matched normal line",
        "Identity confirmed by STR profiling, previously reported as a different lineage",
        "Slow growing, requires conditioned media for the first passages"};
    private static final String COMMENT_WITH_QUOTES = "Renamed from \"%s\" in earlier releases, same line";

    static long write(World w, Writer out) throws IOException {
        CsvRow row = new CsvRow(1024);
        for (String c : COLUMNS) {
            row.quoted(c);
        }
        row.writeTo(out);
        long n = 0;
        int forcedComments = 0;
        for (World.Line l : w.models) {
            SplittableRandom r = Rand.stream(w.seed, "model-row", l.idx);
            Catalog.Disease d = l.disease;
            boolean naLineage = l.annotatedLineage == null;
            String lineage = l.annotatedLineage;
            String site = Catalog.LINEAGES.get(l.bio).site();
            boolean female = lineage != null && (lineage.startsWith("Breast") || lineage.startsWith("Ovary")
                    || lineage.equals("Uterus") || lineage.equals("Cervix") || lineage.equals("Vulva/Vagina"));
            boolean male = lineage != null && (lineage.equals("Prostate") || lineage.equals("Testis"));
            boolean blood = lineage != null && (lineage.equals("Lymphoid") || lineage.equals("Myeloid"));
            boolean organoid = l.newer && r.nextInt(10) < 3;

            row.quoted(l.modelId);
            row.quoted("PT-" + Rand.alnum(r, 6));
            row.quoted(l.displayName);
            row.quoted(l.strippedName);
            row.quoted(naLineage ? null : d.code());
            row.quoted(lineage);
            row.quoted(naLineage ? null : d.primaryDisease());
            row.quoted(naLineage ? null : d.subtype());
            row.quoted(naLineage ? null : d.code());
            row.quoted(lineage != null && lineage.equals("Breast") && r.nextInt(3) == 0
                    ? Rand.pick(new String[]{"HER2Amp", "ERpos", "TNBC"}, r) : null);
            row.quoted(l.newer ? null : "CVCL_" + Rand.upperAlnum(r, 4));
            boolean ageNa = r.nextInt(100) < 15;
            int age = lineage != null && (lineage.equals("Peripheral Nervous System") || lineage.equals("Bone"))
                    ? 1 + r.nextInt(25) : 18 + r.nextInt(70);
            if (ageNa) {
                row.na();
            } else {
                row.integer(age);
            }
            row.quoted(ageNa ? "Unknown" : age < 18 ? "Pediatric" : "Adult");
            row.quoted(female ? "Female" : male ? "Male" : Rand.pick(new String[]{"Female", "Male", "Male",
                "Female", "Unknown"}, r));
            row.quoted(Rand.pick(Catalog.RACES, r));
            double u = r.nextDouble();
            String pm = u < 0.5 ? "Primary" : u < 0.85 ? "Metastatic" : null;
            row.quoted(pm);
            row.quoted(pm == null ? null : "Metastatic".equals(pm)
                    ? Rand.pick(new String[]{"pleural_effusion", "lymph_node", "ascites", "liver", "bone_marrow",
                        "brain"}, r) : site);
            u = r.nextDouble();
            String sourceType = u < 0.55 ? "Commercial" : u < 0.85 ? "Academic lab" : u < 0.95 ? "Sanger" : "Other";
            row.quoted(sourceType);
            String detail = null;
            String catalog = null;
            if (sourceType.equals("Commercial")) {
                detail = Rand.pick(new String[]{"ATCC", "ATCC", "DSMZ", "JCRB", "ECACC", "KCLB", "RIKEN"}, r);
                catalog = switch (detail) {
                    case "ATCC" -> (r.nextBoolean() ? "HTB-" : "CRL-") + (10 + r.nextInt(9990));
                    case "DSMZ" -> "ACC " + (1 + r.nextInt(800));
                    case "JCRB" -> String.format(Locale.ROOT, "JCRB%04d", r.nextInt(1500));
                    case "KCLB" -> String.format(Locale.ROOT, "%05d", r.nextInt(90000));
                    default -> r.nextBoolean() ? null : Integer.toString(80000000 + r.nextInt(9999999));
                };
            }
            row.quoted(detail);
            row.quoted(catalog);
            row.quoted(organoid ? "Organoid" : "Cell Line");
            row.quoted(null); // TissueOrigin
            row.quoted(l.newer ? "Fresh tissue" : null);
            row.quoted(null); // ModelTreatment
            u = r.nextDouble();
            String treat = u < 0.7 ? null : u < 0.8 ? "Pre-treatment" : u < 0.9 ? "Post-treatment" : "Unknown";
            row.quoted(treat);
            row.quoted("Post-treatment".equals(treat) ? Rand.pick(new String[]{"chemotherapy", "radiation",
                "targeted therapy"}, r) : null);
            row.quoted("Post-treatment".equals(treat) && r.nextBoolean() ? "cisplatin, etoposide" : null);
            boolean staged = r.nextInt(10) < 2;
            row.quoted(staged ? Rand.pick(new String[]{"I", "II", "III", "IV", "IIIB", "IVA"}, r) : null);
            row.quoted(staged ? "AJCC" : null);
            row.quoted(r.nextInt(10) == 0 ? Rand.pick(new String[]{"G1", "G2", "G3"}, r) : null);
            row.quoted(null); // PatientTreatmentResponse
            row.quoted(blood ? "Suspension" : organoid ? "Organoid" : Rand.pick(new String[]{"Adherent",
                "Adherent", "Adherent", "Mixed", "Unknown"}, r));
            String media = r.nextInt(10) < 8
                    ? String.format(Locale.ROOT, "MF-%03d-%03d", 1 + r.nextInt(30), 1 + r.nextInt(60)) : null;
            row.quoted(media);
            row.quoted(media != null && r.nextBoolean() ? media : null);
            row.raw(organoid ? "TRUE" : "FALSE");
            row.quoted(organoid ? "Matrigel" : r.nextInt(10) == 0 ? null : "None");
            row.quoted(null); // EngineeredModel
            row.quoted(null); // EngineeredModelDetails
            row.quoted(r.nextInt(200) == 0 ? "cisplatin" : null);
            String comment = null;
            if (forcedComments < 2 || r.nextInt(40) == 0) {
                // first rows get the two quirks for sure: a comma and an embedded double quote
                comment = forcedComments == 1 || (forcedComments > 1 && r.nextInt(4) == 0)
                        ? String.format(Locale.ROOT, COMMENT_WITH_QUOTES, l.displayName + "-OLD")
                        : String.format(Locale.ROOT, Rand.pick(COMMENTS_WITH_COMMA, r), l.displayName);
                forcedComments++;
            }
            row.quoted(comment);
            row.quoted(l.ccleName);
            row.quoted(l.newer && r.nextInt(3) == 0
                    ? String.format(Locale.ROOT, "HCM-BROD-%04d-C%02d", r.nextInt(1000), 10 + r.nextInt(80)) : null);
            row.raw(l.newer || r.nextInt(10) < 3 ? "TRUE" : "FALSE");
            row.quoted(null); // ModelSubtypeFeatures
            boolean sanger = !l.newer && r.nextInt(10) < 6;
            if (sanger) {
                row.integer(1000 + r.nextInt(2000));
                row.quoted(String.format(Locale.ROOT, "SIDM%05d", r.nextInt(2000)));
                row.integer(683000 + r.nextInt(1000000));
            } else {
                row.na();
                row.na();
                row.na();
            }
            row.writeTo(out);
            n++;
        }
        return n;
    }
}
