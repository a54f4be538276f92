package org.miracs.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.miracs.schema.Columns.BROAD_ID;
import static org.miracs.schema.Columns.MOA;
import static org.miracs.schema.Columns.MOAS;
import static org.miracs.schema.Columns.MODEL_ID;
import static org.miracs.schema.Columns.N_DRUGS;
import static org.miracs.schema.Columns.N_LINES;

import java.io.BufferedReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.miracs.config.MiracsConfig;
import org.miracs.ingest.PlexResolution.ResolvedLine;
import org.miracs.io.InputException;
import org.miracs.io.TextFiles;
import org.miracs.pipeline.RunContext;
import org.miracs.pipeline.Stage;
import org.miracs.schema.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 0: reads the DepMap expression matrix, Model.csv, CCLE proteomics and PRISM curves from the
 * data folder, harmonises them to ModelIDs and lineage groups, writes the harmonised tables and the
 * QC counts, and hands {@link HarmonisedData} to the next stage.
 */
public final class IngestStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public void run(RunContext ctx) throws Exception {
        SparkSession spark = ctx.spark();
        MiracsConfig config = ctx.config();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        InputFiles files = InputFiles.resolve(spark.sparkContext().hadoopConfiguration(), ctx.dataDir(), config.inputs());
        ctx.metadata().recordInput("expression", files.expression());
        ctx.metadata().recordInput("models", files.models());
        ctx.metadata().recordInput("proteomics", files.proteomics());
        ctx.metadata().recordInput("prism", files.prism());
        IngestionQc qc = new IngestionQc();

        ModelTable models = readModels(spark, files.models(), qc);

        // RNA: ids first; values later for the kept lines only
        ExpressionReader expression = new ExpressionReader(spark, files.expression());
        ExpressionReader.IdScan rnaScan = expression.scanIds(config.expression().defaultEntriesOnly());
        qc.add("rna", "rows in expression file", rnaScan.rows(), (long) expression.layout().featureCount(), null,
                expression.layout().isLayout2025()
                        ? rnaScan.nonDefaultRows() + " rows with IsDefaultEntryForModel == No skipped"
                        : "24Q4 layout");
        Set<String> rnaModels = new HashSet<>();
        List<String> rnaUnknown = new ArrayList<>();
        rnaScan.modelIds().forEach(id -> (models.contains(id) ? rnaModels : rnaUnknown).add(id));
        qc.add("rna", "lines in Model.csv", (long) rnaModels.size(), (long) expression.layout().featureCount(), null,
                dropped(rnaUnknown, "ModelIDs not in Model.csv"));

        try (ProteomicsReader proteomics = new ProteomicsReader(spark, files.proteomics())) {
            ProteomicsLayout layout = proteomics.layout();
            qc.add("protein", "rows x sample columns in file", (long) layout.samples().size(), proteomics.rowCount(), null,
                    "sample columns <CCLEName>_TenPxNN");
            MiracsConfig.Proteomics pc = config.proteomics();
            long[] observed = PlexResolution.needsObservedCounts(layout.samples(), pc.preferredPlexes(), pc.duplicatePlexRule())
                    ? proteomics.observedCounts() : null;
            PlexResolution plexes = PlexResolution.resolve(layout.samples(), pc.preferredPlexes(), pc.duplicatePlexRule(),
                    observed);
            qc.add("protein", "lines after resolving duplicated plexes", (long) plexes.lines().size(), proteomics.rowCount(),
                    null, plexes.decisions().isEmpty() ? "no line measured twice" : String.join("; ", plexes.decisions()));
            MappedLines mapped = MappedLines.of(plexes, models);
            List<String> mappedModelIds = mapped.modelIds();
            qc.add("protein", "lines mapped to a ModelID", (long) mappedModelIds.size(), proteomics.rowCount(), null,
                    dropped(mapped.unmapped(), "CCLE names not in Model.csv"));

            PrismReader.Result prism = PrismReader.read(spark, files.prism(), models, config.prism(), qc);

            SampleSelection selection = SampleSelection.select(rnaModels, new HashSet<>(mappedModelIds), models,
                    config.harmonise());
            qc.add("harmonised", config.harmonise().samples() == MiracsConfig.SampleRule.BOTH
                    ? "lines with RNA and protein" : "lines with RNA or protein", (long) selection.candidateCount(),
                    null, null, null);
            qc.add("harmonised", "lines in lineages with >= " + config.harmonise().minLinesPerLineage() + " lines",
                    (long) selection.samples().size(), null, selection.lineageCount(),
                    selection.droppedLineages().isEmpty() ? null : "dropped lineages (lines): " + selection.droppedLineages());
            if (selection.samples().isEmpty()) {
                throw InputException.of(files.expression() + " + " + files.proteomics(),
                        "no line has both RNA and protein data after mapping to Model.csv "
                                + "(expected ModelIDs of the expression rows to match the proteomics CCLE names through Model.csv)");
            }
            Map<String, SampleSelection.Sample> sampleById = selection.samples().stream()
                    .collect(Collectors.toMap(SampleSelection.Sample::modelId, s -> s));
            Broadcast<Map<String, SampleSelection.Sample>> keep = jsc.broadcast(new HashMap<>(sampleById));

            // drug responses of the kept lines
            Dataset<Row> sampleIds = spark.createDataset(new ArrayList<>(sampleById.keySet()),
                    org.apache.spark.sql.Encoders.STRING()).toDF(MODEL_ID);
            Dataset<Row> responses = prism.responses().join(org.apache.spark.sql.functions.broadcast(sampleIds), MODEL_ID);
            Dataset<Row> drugCounts = responses.groupBy(BROAD_ID).agg(count(lit(1)).cast(DataTypes.IntegerType).as(N_LINES));
            Dataset<Row> drugs = prism.annotations().join(drugCounts, BROAD_ID);
            Dataset<Row> linesWithDrugs = responses.groupBy(MODEL_ID).agg(count(lit(1)).cast(DataTypes.IntegerType).as(N_DRUGS));
            long linesWithResponse = linesWithDrugs.count();
            if (linesWithResponse == 0) {
                throw InputException.of(files.prism(), "no overlap between the omics lines and the drug-response lines: "
                        + "none of the " + selection.samples().size() + " harmonised ModelIDs has an AUC "
                        + "(expected depmap_id or ccle_name values that match Model.csv)");
            }
            long drugCount = drugs.count();
            qc.add("harmonised", "lines with drug response", linesWithResponse, drugCount, null,
                    "compounds measured in at least one harmonised line");

            Dataset<Row> samplesDf = samplesFrame(spark, selection.samples())
                    .join(linesWithDrugs, scalaSeq(MODEL_ID), "left")
                    .withColumn(N_DRUGS, coalesce(col(N_DRUGS), lit(0)));

            // omics values of the kept lines, long form
            OmicsTables rna = OmicsTables.rna(spark, expression, keep, config.expression().defaultEntriesOnly());
            OmicsTables protein = OmicsTables.protein(spark, proteomics, plexes, mappedModelIds, mapped.positions(), keep,
                    pc.minObservedFraction());
            qc.add("rna", "genes observed in harmonised lines", (long) selection.samples().size(), rna.featureCount(), null,
                    rna.droppedFeatures() + " genes with no value dropped");
            qc.add("protein", "proteins observed in >= " + pc.minObservedFraction() + " of lines", (long) mappedModelIds.size(),
                    protein.featureCount(), null, protein.droppedFeatures() + " proteins below the threshold dropped");

            Dataset<Row> moaSets = drugs.select(col(MOAS), col(BROAD_ID)).withColumn(MOA, explode(col(MOAS)))
                    .select(MOA, BROAD_ID).distinct();

            HarmonisedData written = new HarmonisedData(
                    ctx.writeTable(Tables.SAMPLES, samplesDf.orderBy(org.miracs.schema.Columns.LINEAGE, MODEL_ID)),
                    ctx.writeTable(Tables.FEATURES, rna.features().union(protein.features())),
                    ctx.writeTable(Tables.OMICS, rna.values().union(protein.values())),
                    ctx.writeTable(Tables.DRUG_RESPONSE, responses.orderBy(MODEL_ID, BROAD_ID)),
                    ctx.writeTable(Tables.DRUGS, drugs.orderBy(BROAD_ID)),
                    ctx.writeTable(Tables.MOA_SETS, moaSets.orderBy(MOA, BROAD_ID)));
            long moaCount = written.moaSets().select(MOA).distinct().count();
            qc.add("harmonised", "MoA sets", null, moaCount, null, "MoAs over the harmonised compounds");
            rna.release();
            protein.release();

            ctx.writeTable(Tables.INGESTION_QC, qc.toDataset(spark));
            ctx.output().writeText("qc/ingestion_qc.tsv", qc.toTsv());
            LOG.info("ingestion QC:\n{}", qc.toText());
            ctx.metadata().put("ingestion_qc", qc.steps());
            ctx.put(HarmonisedData.KEY, written);
            ctx.put(IngestionQc.KEY, qc);
        }
    }

    private static ModelTable readModels(SparkSession spark, String file, IngestionQc qc) throws java.io.IOException {
        ModelTable models;
        try (BufferedReader reader = TextFiles.open(spark.sparkContext().hadoopConfiguration(), file)) {
            models = ModelTable.read(file, reader);
        }
        qc.add("models", "models in Model.csv", (long) models.size(), null,
                models.all().stream().map(ModelRecord::lineageName).filter(l -> l != null).distinct().count(),
                models.withCcleName() + " with a CCLEName, " + models.withLineage() + " with an OncotreeLineage"
                        + (models.ambiguousCcleNames().isEmpty() ? ""
                        : "; CCLE names on several models (not bridged): " + models.ambiguousCcleNames()));
        return models;
    }

    /** Proteomics lines bridged to ModelIDs through CCLEName: the ids, their resolved-line positions, the rest. */
    record MappedLines(List<String> modelIds, List<Integer> positions, List<String> unmapped) {
        static MappedLines of(PlexResolution plexes, ModelTable models) {
            List<String> ids = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            List<String> unmapped = new ArrayList<>();
            for (int i = 0; i < plexes.lines().size(); i++) {
                ResolvedLine line = plexes.lines().get(i);
                String modelId = models.modelIdOfCcleName(line.ccleName());
                if (modelId == null) {
                    unmapped.add(line.ccleName());
                } else {
                    ids.add(modelId); // CCLE names are unique per model, so each model appears once
                    positions.add(i);
                }
            }
            return new MappedLines(ids, positions, unmapped);
        }
    }

    private static scala.collection.Seq<String> scalaSeq(String... names) {
        return scala.collection.JavaConverters.asScalaBuffer(List.of(names)).toSeq();
    }

    private static String dropped(List<String> ids, String what) {
        if (ids.isEmpty()) {
            return null;
        }
        List<String> shown = ids.stream().sorted().limit(5).toList();
        return ids.size() + " " + what + " dropped (" + String.join(", ", shown) + (ids.size() > 5 ? ", ..." : "") + ")";
    }

    private static Dataset<Row> samplesFrame(SparkSession spark, List<SampleSelection.Sample> samples) {
        List<Row> rows = new ArrayList<>();
        for (SampleSelection.Sample s : samples) {
            rows.add(RowFactory.create(s.modelId(), s.ccleName(), s.lineage(), s.lineageName(), s.hasRna(), s.hasProtein()));
        }
        return spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType()
                .add(MODEL_ID, DataTypes.StringType, false)
                .add(org.miracs.schema.Columns.CCLE_NAME, DataTypes.StringType, true)
                .add(org.miracs.schema.Columns.LINEAGE, DataTypes.StringType, false)
                .add(org.miracs.schema.Columns.LINEAGE_NAME, DataTypes.StringType, false)
                .add(org.miracs.schema.Columns.HAS_RNA, DataTypes.BooleanType, false)
                .add(org.miracs.schema.Columns.HAS_PROTEIN, DataTypes.BooleanType, false));
    }
}
