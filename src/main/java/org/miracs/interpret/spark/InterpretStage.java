package org.miracs.interpret.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.miracs.config.ConfigException;
import org.miracs.config.MiracsConfig;
import org.miracs.enrich.EnrichmentResults;
import org.miracs.enrich.gsea.SetCollection;
import org.miracs.ingest.HarmonisedData;
import org.miracs.integrate.MofaOutputs;
import org.miracs.io.TextFiles;
import org.miracs.interpret.FeatureVector;
import org.miracs.interpret.ForestPlotStats;
import org.miracs.interpret.InterpretSelection;
import org.miracs.interpret.InterpretSelection.Association;
import org.miracs.interpret.InterpretSelection.Choice;
import org.miracs.interpret.InterpretSelection.Drug;
import org.miracs.interpret.PriorNetwork;
import org.miracs.interpret.SensitivityGroups;
import org.miracs.interpret.TopFeatures;
import org.miracs.pipeline.RunContext;
import org.miracs.pipeline.Stage;
import org.miracs.schema.Columns;
import org.miracs.schema.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 4, interpretation (the tables behind the paper's Fig. 2; the report renders them).
 *
 * <ol>
 * <li>{@link Tables#TOP_FEATURES}: the {@code interpret.top_features} largest |weights| of every
 * (view, factor), with the features' gene symbols ({@link TopFeatures}).</li>
 * <li>{@link Tables#PATHWAY_ACTIVITY}: ULM and MLM of every (view, factor) weight vector, at gene level
 * ({@link LoadingActivity}: protein loadings collapsed to genes by min, as the authors; RNA ids mapped to
 * their symbols), over {@code interpret.pathway_network} (builtin PROGENy by default) and
 * {@code interpret.tf_network} when it is a file, tmin {@code interpret.min_targets}, BH per (network,
 * view, factor, method). Runs as one Spark task per (view, factor): the weights table is grouped on the
 * executors (never collected: 31k features x 30 factors at the paper's scale) and the networks travel
 * in the closure as edge arrays; every group is sorted by feature id first, so the numbers do not
 * depend on partitioning.</li>
 * <li>The selection ({@link InterpretSelection}): {@code interpret.factor} / {@code moa} / {@code drug},
 * {@code auto} = the strongest cross-lineage association (in {@code interpret.direction}, resistance by
 * default) and the compound of its MoA with the largest
 * mean factor-AUC Pearson r across lineages in the association's direction. Explicit values that match
 * nothing stop the run naming the key (checked before any work). Without a factor and MoA (e.g. an
 * empty cross-lineage table) the forest and sensitivity tables are written empty, with a warning.</li>
 * <li>{@link Tables#FOREST}: per compound of the MoA and lineage, r of factor and raw AUC over the lines
 * with both, Fisher-z 95% interval and p ({@link ForestPlotStats}); pairs with n &lt; 4 (interval
 * undefined) or a constant input are left out.</li>
 * <li>{@link Tables#SENSITIVITY_LINES} and {@link Tables#SENSITIVITY_TESTS}: the compound's pan-cancer
 * percentile split over the harmonised lines with an AUC, then per lineage sensitive vs resistant
 * factor values ({@link SensitivityGroups}).</li>
 * </ol>
 *
 * <p>The forest and sensitivity inputs (one factor's values, the AUCs of a few compounds) are a few
 * thousand numbers and are computed on the driver. Puts {@link Interpretation} in the context and the
 * selection in run.json ({@code interpretation}).
 */
public final class InterpretStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(InterpretStage.class);
    static final String NOTE = "note";
    static final String NONE = "none";

    @Override
    public String name() {
        return "interpret";
    }

    @Override
    public void run(RunContext ctx) {
        long start = System.nanoTime();
        SparkSession spark = ctx.spark();
        MiracsConfig.Interpret cfg = ctx.config().interpret();
        HarmonisedData h = ctx.get(HarmonisedData.KEY);
        MofaOutputs mofa = ctx.get(MofaOutputs.KEY);
        EnrichmentResults enrichment = ctx.get(EnrichmentResults.KEY);

        // everything configurable is checked before any work
        List<NetworkEdges> networks = loadNetworks(cfg, ctx.dataDir(), spark.sparkContext().hadoopConfiguration());
        List<Integer> factors = new ArrayList<>(new TreeSet<>(mofa.factors().select(Columns.FACTOR).distinct()
                .as(Encoders.INT()).collectAsList()));
        List<String> moas = h.moaSets().select(Columns.MOA).distinct().as(Encoders.STRING()).collectAsList();
        List<Drug> drugs = drugs(h.drugs());
        List<Association> associations = associations(enrichment.crossLineageAssociations());
        String preferred = cfg.direction() == MiracsConfig.InterpretDirection.ANY ? null
                : cfg.direction().name().toLowerCase(Locale.ROOT);
        Choice choice = InterpretSelection.choose(associations, cfg.factor(), cfg.moa(), preferred, factors, moas);
        Drug explicitDrug = InterpretSelection.isAuto(cfg.drug()) ? null
                : InterpretSelection.resolveDrug(cfg.drug(), drugs, choice.moa());
        LOG.info("interpret: {} factors, {} cross-lineage associations, networks {}; selection: factor {} ({}), "
                        + "MoA {} ({}), association {}", factors.size(), associations.size(),
                networks.stream().map(NetworkEdges::label).toList(), choice.factor(), choice.factorSource(),
                choice.moa(), choice.moaSource(), choice.association());

        Dataset<Row> loadings = loadings(mofa.weights(), h.features()).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> top = ctx.writeTable(Tables.TOP_FEATURES, topFeatures(loadings, cfg.topFeatures())
                .orderBy(Columns.VIEW, Columns.FACTOR, Columns.RANK));
        LOG.info("interpret: top_features: {} rows ({} per view and factor)", top.count(), cfg.topFeatures());
        Dataset<Row> activity = pathwayActivity(ctx, loadings, networks, cfg.minTargets());
        loadings.unpersist();

        List<String> notes = new ArrayList<>();
        Map<String, Double> meanR = new LinkedHashMap<>();
        List<Row> forestRows = List.of();
        Drug drug = explicitDrug;
        String drugSource = explicitDrug != null ? "config" : "auto";
        if (choice.factor() == null || choice.moa() == null) {
            String why = associations.isEmpty() ? "the cross-lineage table is empty"
                    : "no cross-lineage association matches " + InterpretSelection.FACTOR_KEY + " = " + cfg.factor()
                            + ", " + InterpretSelection.MOA_KEY + " = " + cfg.moa();
            notes.add(why + ": no (factor, MoA) to follow up, forest skipped");
            LOG.warn("interpret: {}; set {} and {} to choose one", notes.get(0), InterpretSelection.FACTOR_KEY,
                    InterpretSelection.MOA_KEY);
        }
        FactorValues fv = choice.factor() == null ? null : factorValues(mofa.factors(), h.samples(), choice.factor());
        Map<String, Drug> drugById = new HashMap<>();
        drugs.forEach(d -> drugById.put(d.broadId(), d));
        if (choice.complete()) {
            List<String> compounds = h.moaSets().filter(col(Columns.MOA).equalTo(choice.moa())).select(Columns.BROAD_ID)
                    .distinct().as(Encoders.STRING()).collectAsList().stream()
                    .sorted(SetCollection.CODE_POINT_ORDER).toList();
            Map<String, Map<String, Double>> auc = aucs(h.drugResponse(), compounds);
            forestRows = forest(choice, compounds, auc, fv, drugById, meanR);
            LOG.info("interpret: forest of factor {} x {}: {} compounds, {} (compound, lineage) rows", choice.factor(),
                    choice.moa(), compounds.size(), forestRows.size());
            if (drug == null) {
                String id = InterpretSelection.autoDrug(meanR, choice.direction()).orElse(null);
                if (id == null) {
                    notes.add("no compound of " + choice.moa() + " has a factor-AUC correlation in a lineage with "
                            + ">= 4 lines: sensitivity skipped");
                    LOG.warn("interpret: {}", notes.get(notes.size() - 1));
                } else {
                    drug = drugById.get(id);
                }
            }
        }
        if (drug != null && choice.moa() != null && !drug.moas().contains(choice.moa())) {
            notes.add(InterpretSelection.DRUG_KEY + " " + drug.broadId() + " is not in " + choice.moa());
            LOG.warn("interpret: {}", notes.get(notes.size() - 1));
        }
        List<Row> lineRows = List.of();
        List<Row> testRows = List.of();
        double[] thresholds = {Double.NaN, Double.NaN};
        if (drug != null && fv != null) {
            SensitivityGroups sg = SensitivityGroups.defaults()
                    .withPercentiles(cfg.sensitivePercentile(), cfg.resistantPercentile())
                    .withMinPerGroup(cfg.minLinesPerGroup());
            Map<String, Double> auc = aucs(h.drugResponse(), List.of(drug.broadId())).getOrDefault(drug.broadId(),
                    Map.of());
            List<List<Row>> out = sensitivity(sg, choice.factor(), drug.broadId(), auc, fv, thresholds);
            lineRows = out.get(0);
            testRows = out.get(1);
            LOG.info("interpret: {} ({}) x factor {}: AUC <= {} sensitive, >= {} resistant; {} tail lines, {} lineages "
                            + "tested", drug.broadId(), drug.name(), choice.factor(), fmt(thresholds[0]),
                    fmt(thresholds[1]), lineRows.size(), testRows.size());
        } else if (drug != null) {
            notes.add("no factor selected: sensitivity of " + drug.broadId() + " skipped");
            LOG.warn("interpret: {}", notes.get(notes.size() - 1));
        }
        Dataset<Row> forest = ctx.writeTable(Tables.FOREST, spark.createDataFrame(forestRows, Tables.FOREST.schema()));
        Dataset<Row> lines = ctx.writeTable(Tables.SENSITIVITY_LINES,
                spark.createDataFrame(lineRows, Tables.SENSITIVITY_LINES.schema()));
        Dataset<Row> tests = ctx.writeTable(Tables.SENSITIVITY_TESTS,
                spark.createDataFrame(testRows, Tables.SENSITIVITY_TESTS.schema()));

        Association a = choice.association();
        Interpretation.Selection selection = new Interpretation.Selection(choice.factor(), choice.moa(),
                choice.direction(), a == null ? null : a.nLineages(), a == null ? List.of() : a.lineages(),
                drug == null ? null : drug.broadId(), drug == null ? null : drug.name(), choice.factorSource(),
                choice.moaSource(), drug == null ? null : drugSource, thresholds[0], thresholds[1], notes);
        Map<String, Object> meta = new LinkedHashMap<>(selection.toMap());
        meta.put("preferred_direction", cfg.direction().name().toLowerCase(Locale.ROOT));
        meta.put("networks", networks.stream().map(NetworkEdges::label).toList());
        meta.put("top_features_rows", top.count());
        meta.put("pathway_activity_rows", activity.count());
        meta.put("forest_rows", forestRows.size());
        meta.put("sensitivity_lines_rows", lineRows.size());
        meta.put("sensitivity_tests_rows", testRows.size());
        meta.put("seconds", Math.round((System.nanoTime() - start) / 1e6) / 1000.0);
        ctx.metadata().put("interpretation", meta);
        ctx.put(Interpretation.KEY, new Interpretation(selection, top, activity, forest, lines, tests));
        LOG.info("interpret: selection {}", selection.toMap());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    // ------------------------------------------------------------------------------------------ inputs

    /** {@code interpret.tf_network = auto}: this file in the data folder, when it is there. */
    static final String AUTO = "auto";
    static final String TF_NETWORK_IN_DATA_DIR = "tf_network.tsv";

    /** The configured networks, loaded and checked on the driver (a bad file stops the run naming its key). */
    static List<NetworkEdges> loadNetworks(MiracsConfig.Interpret cfg, String dataDir, Configuration conf) {
        List<NetworkEdges> out = new ArrayList<>();
        String tf = cfg.tfNetwork();
        if (AUTO.equalsIgnoreCase(tf == null ? "" : tf.trim())) {
            String candidate = dataDir == null ? null : TextFiles.child(dataDir, TF_NETWORK_IN_DATA_DIR);
            tf = candidate != null && TextFiles.exists(conf, candidate) ? candidate : NONE;
            LOG.info("interpret: interpret.tf_network = auto -> {}", NONE.equals(tf)
                    ? "no " + TF_NETWORK_IN_DATA_DIR + " in the data folder, TF activity skipped" : tf);
        }
        String[][] settings = {{"interpret.pathway_network", cfg.pathwayNetwork()}, {"interpret.tf_network", tf}};
        for (String[] s : settings) {
            String v = s[1] == null ? NONE : s[1].trim();
            if (v.isEmpty() || v.equalsIgnoreCase(NONE)) {
                continue;
            }
            PriorNetwork n;
            try {
                n = load(v, conf);
            } catch (RuntimeException | IOException e) {
                throw new ConfigException(s[0] + " = '" + v + "': expected none, "
                        + String.join(", ", new TreeSet<>(PriorNetwork.builtinNames()))
                        + " or a readable source,target,weight table: " + e.getMessage());
            }
            String label = NetworkEdges.labelOf(v);
            if (out.stream().anyMatch(o -> o.label().equals(label))) {
                continue;
            }
            LOG.info("interpret: network {} ({}): {} sources, {} edges", label, s[0], n.sourceCount(), n.edgeCount());
            out.add(NetworkEdges.of(label, n));
        }
        return out;
    }

    /** A built-in network, or a table on any Hadoop file system (local, hdfs://, s3a://, gs://). */
    private static PriorNetwork load(String nameOrPath, Configuration conf) throws IOException {
        if (nameOrPath.startsWith(PriorNetwork.BUILTIN_PREFIX)) {
            return PriorNetwork.load(nameOrPath);
        }
        try (BufferedReader reader = TextFiles.open(conf, nameOrPath)) {
            return PriorNetwork.parse(nameOrPath, reader);
        }
    }

    static List<Drug> drugs(Dataset<Row> drugs) {
        List<Drug> out = new ArrayList<>();
        for (Row r : drugs.select(Columns.BROAD_ID, Columns.DRUG_NAME, Columns.MOAS, Columns.N_LINES).collectAsList()) {
            out.add(new Drug(r.getString(0), r.isNullAt(1) ? null : r.getString(1),
                    r.isNullAt(2) ? List.of() : r.getList(2), r.isNullAt(3) ? 0 : r.getInt(3)));
        }
        return out;
    }

    static List<Association> associations(Dataset<Row> cross) {
        List<Association> out = new ArrayList<>();
        for (Row r : cross.select(Columns.FACTOR, Columns.MOA, Columns.DIRECTION, Columns.N_LINEAGES,
                Columns.LINEAGE_LIST).collectAsList()) {
            out.add(new Association(r.getInt(0), r.getString(1), r.getString(2), r.getInt(3),
                    r.isNullAt(4) ? List.of() : r.getList(4)));
        }
        return out;
    }

    /** (view, feature, factor, value, gene_symbol): the finite weights with their features' symbols. */
    static Dataset<Row> loadings(Dataset<Row> weights, Dataset<Row> features) {
        Dataset<Row> symbols = features.select(Columns.VIEW, Columns.FEATURE, Columns.GENE_SYMBOL);
        return weights.select(Columns.VIEW, Columns.FEATURE, Columns.FACTOR, Columns.VALUE)
                .filter(col(Columns.VALUE).isNotNull().and(not(isnan(col(Columns.VALUE)))))
                .join(symbols, scala.collection.JavaConverters.asScalaBuffer(
                        List.of(Columns.VIEW, Columns.FEATURE)).toSeq(), "left")
                .select(Columns.VIEW, Columns.FEATURE, Columns.FACTOR, Columns.VALUE, Columns.GENE_SYMBOL);
    }

    // ------------------------------------------------------------------------------------------ loadings

    /** One (view, factor) group of {@link #loadings}, sorted by feature id. */
    record Group(String view, int factor, String[] features, String[] symbols, double[] values) {
        static Group of(Iterator<Row> it) {
            List<Row> rows = new ArrayList<>();
            it.forEachRemaining(rows::add);
            rows.sort(Comparator.comparing(r -> r.getString(1), SetCollection.CODE_POINT_ORDER));
            int n = rows.size();
            String[] f = new String[n];
            String[] s = new String[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                Row r = rows.get(i);
                f[i] = r.getString(1);
                s[i] = r.isNullAt(4) ? null : r.getString(4);
                v[i] = r.getDouble(3);
            }
            return new Group(rows.get(0).getString(0), rows.get(0).getInt(2), f, s, v);
        }

        String symbolOrRnaFallback(int i) {
            if (symbols[i] != null && !symbols[i].isBlank()) {
                return symbols[i];
            }
            return "rna".equals(view) ? LoadingActivity.symbolOfRnaId(features[i]) : null;
        }
    }

    private static final MapFunction<Row, String> BY_VIEW_FACTOR = r -> r.getString(0) + "\u0000" + r.getInt(2);

    static Dataset<Row> topFeatures(Dataset<Row> loadings, int n) {
        return loadings.groupByKey(BY_VIEW_FACTOR, Encoders.STRING())
                .flatMapGroups(new TopFeaturesFunction(n), Encoders.row(nullable(Tables.TOP_FEATURES.schema(), false)));
    }

    static final class TopFeaturesFunction implements FlatMapGroupsFunction<String, Row, Row> {
        private static final long serialVersionUID = 1L;
        private final int n;

        TopFeaturesFunction(int n) {
            this.n = n;
        }

        @Override
        public Iterator<Row> call(String key, Iterator<Row> it) {
            Group g = Group.of(it);
            Map<String, String> labels = new HashMap<>();
            for (int i = 0; i < g.features().length; i++) {
                String s = g.symbolOrRnaFallback(i);
                if (s != null) {
                    labels.put(g.features()[i], s);
                }
            }
            List<Row> out = new ArrayList<>();
            for (TopFeatures.Entry e : TopFeatures.of(n).select(FeatureVector.of(key, g.features(), g.values()))) {
                out.add(RowFactory.create(g.view(), g.factor(), e.rank(), e.feature(), labels.get(e.feature()),
                        e.weight()));
            }
            return out.iterator();
        }
    }

    /** Writes {@link Tables#PATHWAY_ACTIVITY}, logging the (network, view, factor, method) that could not run. */
    static Dataset<Row> pathwayActivity(RunContext ctx, Dataset<Row> loadings, List<NetworkEdges> networks, int tmin) {
        SparkSession spark = ctx.spark();
        if (networks.isEmpty()) {
            LOG.warn("interpret: no network configured (interpret.pathway_network and interpret.tf_network are none): "
                    + "pathway_activity is empty");
            return ctx.writeTable(Tables.PATHWAY_ACTIVITY,
                    spark.createDataFrame(List.of(), Tables.PATHWAY_ACTIVITY.schema()));
        }
        long t0 = System.nanoTime();
        StructType withNote = nullable(Tables.PATHWAY_ACTIVITY.schema(), true);
        Dataset<Row> result = loadings.groupByKey(BY_VIEW_FACTOR, Encoders.STRING())
                .flatMapGroups(new ActivityFunction(networks, tmin), Encoders.row(withNote))
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<String> notes = result.filter(col(NOTE).isNotNull()).select(NOTE).as(Encoders.STRING()).collectAsList();
        Dataset<Row> table = ctx.writeTable(Tables.PATHWAY_ACTIVITY, result.filter(col(NOTE).isNull())
                .orderBy(Columns.NETWORK, Columns.VIEW, Columns.FACTOR, Columns.METHOD, Columns.SOURCE));
        result.unpersist();
        if (!notes.isEmpty()) {
            List<String> sorted = notes.stream().sorted().toList();
            LOG.warn("interpret: pathway activity: {} (network, view, factor, method) without scores:\n  {}",
                    sorted.size(), String.join("\n  ", sorted.subList(0, Math.min(20, sorted.size())))
                            + (sorted.size() > 20 ? "\n  ..." : ""));
        }
        Map<String, Long> perNetwork = new TreeMap<>();
        for (Row r : table.groupBy(Columns.NETWORK, Columns.VIEW).count().collectAsList()) {
            perNetwork.put(r.getString(0) + "/" + r.getString(1), r.getLong(2));
        }
        LOG.info("interpret: pathway_activity (ulm, mlm; tmin {}): rows per network/view {} in {} s", tmin, perNetwork,
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
        return table;
    }

    static final class ActivityFunction implements FlatMapGroupsFunction<String, Row, Row> {
        private static final long serialVersionUID = 1L;
        private final List<NetworkEdges> edges;
        private final int tmin;
        private transient List<LoadingActivity.NamedNetwork> networks;

        ActivityFunction(List<NetworkEdges> edges, int tmin) {
            this.edges = List.copyOf(edges);
            this.tmin = tmin;
        }

        @Override
        public Iterator<Row> call(String key, Iterator<Row> it) {
            if (networks == null) {
                networks = edges.stream().map(e -> new LoadingActivity.NamedNetwork(e.label(), e.toNetwork())).toList();
            }
            Group g = Group.of(it);
            FeatureVector genes = LoadingActivity.geneVector("Factor" + g.factor(), g.view(), g.features(), g.symbols(),
                    g.values());
            LoadingActivity.Result r = LoadingActivity.compute(g.view(), g.factor(), genes, networks, tmin);
            List<Row> out = new ArrayList<>(r.rows().size() + r.notes().size());
            for (LoadingActivity.Activity a : r.rows()) {
                out.add(RowFactory.create(a.network(), a.view(), a.factor(), a.method(), a.source(), a.score(),
                        a.pValue(), a.pAdj(), null));
            }
            for (String note : r.notes()) {
                out.add(RowFactory.create(null, g.view(), g.factor(), null, null, null, null, null, note));
            }
            return out.iterator();
        }
    }

    /** The schema with every field nullable (intermediate rows), plus a {@code note} column if asked. */
    static StructType nullable(StructType schema, boolean withNote) {
        List<StructField> fields = new ArrayList<>();
        for (StructField f : schema.fields()) {
            fields.add(DataTypes.createStructField(f.name(), f.dataType(), true));
        }
        if (withNote) {
            fields.add(DataTypes.createStructField(NOTE, DataTypes.StringType, true));
        }
        return DataTypes.createStructType(fields);
    }

    // ------------------------------------------------------------------------------------------ selection

    /** One factor's value and each harmonised line's lineage. */
    record FactorValues(int factor, Map<String, Double> value, Map<String, String> lineage) {
    }

    static FactorValues factorValues(Dataset<Row> factors, Dataset<Row> samples, int factor) {
        Map<String, Double> value = new HashMap<>();
        Map<String, String> lineage = new HashMap<>();
        for (Row r : samples.select(Columns.MODEL_ID, Columns.LINEAGE).collectAsList()) {
            lineage.put(r.getString(0), r.getString(1));
        }
        for (Row r : factors.filter(col(Columns.FACTOR).equalTo(lit(factor)))
                .select(Columns.GROUP, Columns.SAMPLE, Columns.VALUE).collectAsList()) {
            if (!r.isNullAt(2)) {
                value.put(r.getString(1), r.getDouble(2));
            }
            lineage.putIfAbsent(r.getString(1), r.getString(0));
        }
        return new FactorValues(factor, value, lineage);
    }

    /** broad_id -> model_id -> raw AUC for the given compounds. */
    static Map<String, Map<String, Double>> aucs(Dataset<Row> responses, List<String> compounds) {
        Map<String, Map<String, Double>> out = new HashMap<>();
        if (compounds.isEmpty()) {
            return out;
        }
        for (Row r : responses.filter(col(Columns.BROAD_ID).isin(compounds.toArray()))
                .select(Columns.BROAD_ID, Columns.MODEL_ID, Columns.AUC).collectAsList()) {
            if (!r.isNullAt(2) && !Double.isNaN(r.getDouble(2))) {
                out.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1), r.getDouble(2));
            }
        }
        return out;
    }

    /** Forest rows in compound, lineage order; fills {@code meanR} (broad_id -> mean r over its rows). */
    static List<Row> forest(Choice choice, List<String> compounds, Map<String, Map<String, Double>> auc,
                            FactorValues fv, Map<String, Drug> drugs, Map<String, Double> meanR) {
        ForestPlotStats stats = ForestPlotStats.defaults();
        Map<String, List<String>> linesByLineage = new TreeMap<>(SetCollection.CODE_POINT_ORDER);
        for (Map.Entry<String, Double> e : fv.value().entrySet()) {
            String lineage = fv.lineage().get(e.getKey());
            if (lineage != null) {
                linesByLineage.computeIfAbsent(lineage, k -> new ArrayList<>()).add(e.getKey());
            }
        }
        linesByLineage.values().forEach(l -> l.sort(SetCollection.CODE_POINT_ORDER));
        List<Row> out = new ArrayList<>();
        for (String id : compounds) {
            Map<String, Double> a = auc.getOrDefault(id, Map.of());
            Drug d = drugs.get(id);
            List<ForestPlotStats.Correlation> kept = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : linesByLineage.entrySet()) {
                List<String> lines = e.getValue().stream().filter(a::containsKey).toList();
                if (lines.size() < 4) {
                    continue;
                }
                double[] x = new double[lines.size()];
                double[] y = new double[lines.size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = fv.value().get(lines.get(i));
                    y[i] = a.get(lines.get(i));
                }
                ForestPlotStats.Correlation c = stats.correlate(id, e.getKey(), x, y);
                if (c.n() < 4 || Double.isNaN(c.r()) || Double.isNaN(c.lower()) || Double.isNaN(c.upper())) {
                    continue;
                }
                kept.add(c);
                out.add(RowFactory.create(choice.factor(), choice.moa(), id, d == null ? null : d.name(), e.getKey(),
                        c.n(), c.r(), c.lower(), c.upper(), c.pValue()));
            }
            if (!kept.isEmpty()) {
                meanR.put(id, stats.summarise(id, kept).meanR());
            }
        }
        return out;
    }

    /**
     * [tail lines, tests] of one compound; {@code thresholds} receives the pan-cancer AUC cut-offs. The
     * split is over every harmonised line with an AUC for the compound; lineages as in harmonised samples.
     */
    static List<List<Row>> sensitivity(SensitivityGroups sg, int factor, String broadId, Map<String, Double> auc,
                                       FactorValues fv, double[] thresholds) {
        List<String> lines = auc.keySet().stream().sorted(SetCollection.CODE_POINT_ORDER).toList();
        int n = lines.size();
        String[] lineages = new String[n];
        double[] a = new double[n];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            String m = lines.get(i);
            lineages[i] = fv.lineage().get(m);
            a[i] = auc.get(m);
            Double v = fv.value().get(m);
            f[i] = v == null ? Double.NaN : v;
        }
        List<Row> tail = new ArrayList<>();
        List<Row> tests = new ArrayList<>();
        if (n == 0) {
            return List.of(tail, tests);
        }
        SensitivityGroups.DrugSplit split = sg.split(broadId, lineages, a, f);
        thresholds[0] = split.lowerThreshold();
        thresholds[1] = split.upperThreshold();
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer, String>comparing(i -> lineages[i] == null ? "" : lineages[i],
                SetCollection.CODE_POINT_ORDER).thenComparing(i -> lines.get(i), SetCollection.CODE_POINT_ORDER));
        for (int i : order) {
            SensitivityGroups.Group g = split.groups().get(i);
            if (lineages[i] == null || Double.isNaN(f[i])
                    || (g != SensitivityGroups.Group.SENSITIVE && g != SensitivityGroups.Group.RESISTANT)) {
                continue;
            }
            tail.add(RowFactory.create(factor, broadId, lineages[i], lines.get(i),
                    g == SensitivityGroups.Group.SENSITIVE ? "sensitive" : "resistant", a[i], f[i]));
        }
        for (SensitivityGroups.LineageComparison lc : split.lineages()) {
            SensitivityGroups.Comparison c = lc.comparison();
            if (c == null) {
                continue;
            }
            tests.add(RowFactory.create(factor, broadId, lc.lineage(), c.nSensitive(), c.nResistant(),
                    c.chosen() == SensitivityGroups.Test.STUDENT_T ? "t_test" : "mann_whitney", c.chosenP(),
                    c.mannWhitney().pValue()));
        }
        return List.of(tail, tests);
    }
}
