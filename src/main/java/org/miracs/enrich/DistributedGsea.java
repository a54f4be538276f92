package org.miracs.enrich;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.miracs.config.MiracsConfig;
import org.miracs.enrich.gsea.BoundSets;
import org.miracs.enrich.gsea.Gsea;
import org.miracs.enrich.gsea.GseaMode;
import org.miracs.enrich.gsea.GseaOptions;
import org.miracs.enrich.gsea.GseaResult;
import org.miracs.enrich.gsea.PermutationMatrix;
import org.miracs.enrich.gsea.SetCollection;
import org.miracs.schema.Columns;

/**
 * The enrichment of many ranked lists ({@link EnrichmentUnit}s) spread over the executors: units are
 * range-partitioned by (call, sample) into the requested number of partitions (so a partition holds
 * the units of one or a few calls, and a call's bound sets and, in EXACT mode, its permutation matrix
 * are built about once per partition rather than once per unit), sorted by (call, sample) inside each
 * partition, and each unit runs the pure {@link Gsea}. (Range partitioning samples its input once to
 * find the boundaries; the boundaries only decide where a unit runs, not its result.)
 *
 * <p>Determinism: a unit's rows depend only on the unit (call, sample, features, scores), the sets
 * and the options; the FAST random stream comes from {@link GseaOptions#unitSeed} over
 * {@link EnrichmentUnit#seedKey()}, the EXACT one from the configured seed (decoupler's shared
 * permutations). Nothing depends on partition or task ids, so any partitioning and any task retry
 * give identical rows.
 */
public final class DistributedGsea {
    public static final String CALL = "call";
    public static final String FEATURES = "features";
    public static final String SCORES = "scores";

    /** A unit as a row. */
    public static final StructType UNIT_SCHEMA = new StructType()
            .add(CALL, DataTypes.StringType, false)
            .add(Columns.SAMPLE, DataTypes.StringType, false)
            .add(FEATURES, DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add(SCORES, DataTypes.createArrayType(DataTypes.DoubleType, false), false);

    /** One (unit, set) result. */
    public static final StructType RESULT_SCHEMA = new StructType()
            .add(CALL, DataTypes.StringType, false)
            .add(Columns.SAMPLE, DataTypes.StringType, false)
            .add(Columns.SET, DataTypes.StringType, false)
            .add(Columns.SIZE, DataTypes.IntegerType, false)
            .add(Columns.ES, DataTypes.DoubleType, false)
            .add(Columns.NES, DataTypes.DoubleType, false)
            .add(Columns.P_VALUE, DataTypes.DoubleType, false)
            .add(Columns.P_ADJ, DataTypes.DoubleType, false)
            .add(Columns.LEADING_EDGE, DataTypes.createArrayType(DataTypes.StringType, false), false);

    private DistributedGsea() {}

    /** The pure core's options for the configured enrichment (float32 scores, decoupler's tie order). */
    public static GseaOptions gseaOptions(MiracsConfig.Enrichment e) {
        return GseaOptions.DEFAULT.withPermutations(e.permutations()).withTmin(e.minSetSize())
                .withMode(e.mode() == MiracsConfig.EnrichmentMode.EXACT ? GseaMode.EXACT : GseaMode.FAST)
                .withSeed(e.seed()).withPlusOneCorrection(e.plusOnePvalue());
    }

    public static Row toRow(EnrichmentUnit u) {
        return RowFactory.create(u.call(), u.sample(), u.features(), u.scores());
    }

    public static EnrichmentUnit fromRow(Row r) {
        List<String> f = r.getList(2);
        List<Double> s = r.getList(3);
        double[] scores = new double[s.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = s.get(i);
        }
        return new EnrichmentUnit(r.getString(0), r.getString(1), f.toArray(new String[0]), scores);
    }

    /** (set, member) pairs in a stable order, for {@link #run}. */
    public static String[][] pairs(SetCollection sets) {
        List<String[]> out = new ArrayList<>();
        for (String name : sets.names()) {
            for (String m : sets.members(name)) {
                out.add(new String[] {name, m});
            }
        }
        return out.toArray(new String[0][]);
    }

    static SetCollection collection(String[][] pairs) {
        SetCollection.Builder b = SetCollection.builder();
        for (String[] p : pairs) {
            b.add(p[0], p[1]);
        }
        return b.build();
    }

    /**
     * Enriches every unit (rows of {@link #UNIT_SCHEMA}) against the sets.
     *
     * @param partitions number of partitions the units are spread over
     * @param progress   incremented once per finished unit (may be null)
     * @return rows of {@link #RESULT_SCHEMA}, lazily (nothing runs until an action)
     */
    public static Dataset<Row> run(Dataset<Row> units, String[][] setPairs, MiracsConfig.Enrichment options,
                                   int partitions, LongAccumulator progress) {
        SparkSession spark = units.sparkSession();
        Broadcast<String[][]> sets = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(setPairs);
        return units.repartitionByRange(Math.max(1, partitions), col(CALL), col(Columns.SAMPLE))
                .sortWithinPartitions(CALL, Columns.SAMPLE)
                .mapPartitions(new UnitRunner(sets, options, progress), Encoders.row(RESULT_SCHEMA));
    }

    /** The results of {@link #runLogged}: persisted rows of {@link #RESULT_SCHEMA}, their count and the seconds taken. */
    public record Computed(Dataset<Row> results, long rows, double seconds) {}

    /**
     * Runs every unit now, logging "units done / total" every {@code progressMillis}; the caller
     * unpersists the results when written.
     */
    public static Computed runLogged(Dataset<Row> units, long total, String[][] setPairs, MiracsConfig.Enrichment options,
                                     int partitions, long progressMillis) {
        LongAccumulator done = units.sparkSession().sparkContext().longAccumulator("enrich units");
        Dataset<Row> results = run(units, setPairs, options, partitions, done).persist(StorageLevel.MEMORY_AND_DISK());
        long start = System.nanoTime();
        long rows;
        try (ProgressLog p = new ProgressLog("enrich", done, total, progressMillis)) {
            rows = results.count();
        }
        return new Computed(results, rows, (System.nanoTime() - start) / 1e9);
    }

    /** Runs one unit with the pure core: what every task does, also usable without Spark. */
    public static List<GseaResult> enrich(Gsea gsea, EnrichmentUnit unit, BoundSets bound) {
        GseaOptions o = gsea.options();
        if (o.mode() == GseaMode.EXACT && o.permutations() > 1) {
            PermutationMatrix pm = PermutationCache.get(o.seed(), bound.featureCount(), o.permutations());
            if (pm != null) {
                return gsea.run(unit.scores(), bound, pm);
            }
        }
        return gsea.run(unit.scores(), bound, o.unitSeed(unit.seedKey()));
    }

    static final class UnitRunner implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<String[][]> sets;
        private final MiracsConfig.Enrichment options;
        private final LongAccumulator progress;

        UnitRunner(Broadcast<String[][]> sets, MiracsConfig.Enrichment options, LongAccumulator progress) {
            this.sets = sets;
            this.options = options;
            this.progress = progress;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> input) {
            Gsea gsea = new Gsea(gseaOptions(options));
            SetCollection collection = collection(sets.value());
            return new Iterator<>() {
                private Iterator<Row> current = Collections.emptyIterator();
                private String boundCall;
                private String[] boundFeatures;
                private BoundSets bound;

                @Override
                public boolean hasNext() {
                    while (!current.hasNext() && input.hasNext()) {
                        current = process(fromRow(input.next())).iterator();
                    }
                    return current.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return current.next();
                }

                private List<Row> process(EnrichmentUnit u) {
                    if (bound == null || !u.call().equals(boundCall) || !Arrays.equals(u.features(), boundFeatures)) {
                        bound = collection.bind(u.features(), gsea.options().tmin());
                        boundCall = u.call();
                        boundFeatures = u.features();
                    }
                    List<GseaResult> res = enrich(gsea, u, bound);
                    List<Row> rows = new ArrayList<>(res.size());
                    for (GseaResult r : res) {
                        rows.add(RowFactory.create(u.call(), u.sample(), r.set(), r.size(), r.es(), r.nes(), r.pValue(),
                                r.pAdj(), r.leadingEdge().toArray(new String[0])));
                    }
                    if (progress != null) {
                        progress.add(1);
                    }
                    return rows;
                }
            };
        }
    }
}
