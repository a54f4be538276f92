package org.miracs.integrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.miracs.config.MiracsConfig.MofaEngine;
import org.miracs.integrate.mofa.ElboRecord;
import org.miracs.integrate.mofa.IterationReport;
import org.miracs.integrate.mofa.MofaData;
import org.miracs.integrate.mofa.MofaManifestReader;
import org.miracs.integrate.mofa.MofaOptions;
import org.miracs.integrate.mofa.MofaResult;
import org.miracs.integrate.mofa.MofaTrainer;
import org.miracs.integrate.mofa.VarianceExplained;
import org.miracs.integrate.mofa.ZInit;
import org.miracs.testing.SparkTestBase;

/**
 * {@link SparkMofaTrainer} against {@link MofaTrainer} on the mofa_small fixture (3 groups, 500 + 300
 * features): with the same feature block size the results are bit-identical (every comparison below uses a
 * tolerance of 0.0) for any number of partitions, from mofapy2's initialisation, from PCA and with factor
 * dropping, with lineage truncation (local or reliable checkpoints) every few iterations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkMofaTrainerTest extends SparkTestBase {
    private static final int BLOCK = 100; // 5 rna + 3 protein blocks
    private MofaData data;
    private ZInit mofapy2Init;

    @BeforeAll
    void load() throws URISyntaxException {
        Path dir = Path.of(SparkMofaTrainerTest.class.getResource("/fixtures/mofa_small").toURI());
        data = MofaManifestReader.read(dir.resolve("input/manifest.tsv"));
        mofapy2Init = FactorInit.read(dir.resolve("out_K8_seed42_fast"), data, 8);
    }

    @Test
    void fromMofapy2InitialisationEqualsTheLocalTrainerForAnyPartitioning() {
        MofaOptions opt = MofaOptions.defaults(8).withSeed(42);
        List<IterationReport> localReports = new ArrayList<>();
        MofaResult local = new MofaTrainer(opt).withFeatureBlockSize(BLOCK).withListener(localReports::add)
                .fit(data, mofapy2Init);
        Assertions.assertTrue(local.converged() && local.iterations() == 60, "fixture converges at iteration 60");
        for (int partitions : new int[] {1, 3, 7}) {
            List<IterationReport> reports = new ArrayList<>();
            MofaResult spark = new SparkMofaTrainer(jsc(), opt).withFeatureBlockSize(BLOCK).withPartitions(partitions)
                    .withCheckpointInterval(7).withListener(reports::add).fit(data, mofapy2Init);
            assertIdentical(local, spark, partitions + " partitions");
            // one progress report per iteration with the same ELBO, change and factor count
            assertEquals(localReports.size(), reports.size());
            for (int i = 0; i < reports.size(); i++) {
                IterationReport a = localReports.get(i), b = reports.get(i);
                assertEquals(a.iteration(), b.iteration());
                assertEquals(a.elbo(), b.elbo(), 0.0);
                assertEquals(a.deltaElbo(), b.deltaElbo(), 0.0);
                assertEquals(a.activeFactors(), b.activeFactors());
                Assertions.assertTrue(b.seconds() >= 0);
            }
        }
    }

    @Test
    void fromPcaEqualsTheLocalTrainer() {
        MofaOptions opt = MofaOptions.defaults(8).withSeed(3);
        MofaResult local = new MofaTrainer(opt).withFeatureBlockSize(128).fit(data, ZInit.pca());
        MofaResult spark = new SparkMofaTrainer(jsc(), opt).withFeatureBlockSize(128).withPartitions(3)
                .fit(data, ZInit.pca());
        assertIdentical(local, spark, "PCA");
    }

    @Test
    void factorDroppingEqualsTheLocalTrainer() {
        MofaOptions opt = MofaOptions.defaults(10).withSeed(7).withDropR2(0.02).withMaxIterations(40);
        MofaResult local = new MofaTrainer(opt).withFeatureBlockSize(64).fit(data, ZInit.pca());
        Assertions.assertTrue(local.numFactors() < 10, "expected dropped factors, got " + local.numFactors());
        MofaResult spark = new SparkMofaTrainer(jsc(), opt).withFeatureBlockSize(64).withPartitions(4)
                .withCheckpointInterval(3).fit(data, ZInit.pca());
        assertIdentical(local, spark, "dropR2");
        // the factor count falls along the trace as it does locally
        Assertions.assertTrue(spark.elboTrace().get(spark.elboTrace().size() - 1).activeFactors() < 10);
    }

    @Test
    void reliableCheckpointsChangeNothing(@TempDir Path dir) throws java.io.IOException {
        MofaOptions opt = MofaOptions.defaults(8).withSeed(42).withMaxIterations(12);
        MofaResult local = new MofaTrainer(opt).withFeatureBlockSize(BLOCK).fit(data, mofapy2Init);
        jsc().setCheckpointDir(dir.toString());
        try {
            MofaResult spark = new SparkMofaTrainer(jsc(), opt).withFeatureBlockSize(BLOCK).withPartitions(2)
                    .withCheckpointInterval(3).fit(data, mofapy2Init);
            assertIdentical(local, spark, "reliable checkpoints");
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
                Assertions.assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("rdd-")),
                        "checkpoint files written");
            }
        } finally {
            jsc().sc().setCheckpointDir(null); // back to local checkpoints for the other tests
        }
    }

    @Test
    void autoEngineIsLocalOnLocalMasters() {
        assertEquals(MofaEngine.LOCAL, MofaRunner.resolve(MofaEngine.AUTO, "local[2]"));
        assertEquals(MofaEngine.LOCAL, MofaRunner.resolve(MofaEngine.AUTO, "local[*]"));
        assertEquals(MofaEngine.LOCAL, MofaRunner.resolve(MofaEngine.AUTO, "local"));
        assertEquals(MofaEngine.SPARK, MofaRunner.resolve(MofaEngine.AUTO, "spark://host:7077"));
        assertEquals(MofaEngine.SPARK, MofaRunner.resolve(MofaEngine.AUTO, "yarn"));
        assertEquals(MofaEngine.SPARK, MofaRunner.resolve(MofaEngine.AUTO, "local-cluster[2,1,1024]"));
        assertEquals(MofaEngine.SPARK, MofaRunner.resolve(MofaEngine.SPARK, "local[2]"));
        assertEquals(MofaEngine.LOCAL, MofaRunner.resolve(MofaEngine.LOCAL, "yarn"));
    }

    /** Same trace, Z, W, tau, R2 and hyper-parameters, bit for bit. */
    private void assertIdentical(MofaResult a, MofaResult b, String what) {
        assertEquals(a.iterations(), b.iterations(), what);
        assertEquals(a.converged(), b.converged(), what);
        assertEquals(a.elboTrace().size(), b.elboTrace().size(), what);
        for (int i = 0; i < a.elboTrace().size(); i++) {
            ElboRecord x = a.elboTrace().get(i), y = b.elboTrace().get(i);
            assertEquals(x.iteration(), y.iteration(), what);
            assertEquals(x.terms(), y.terms(), what + ", ELBO terms at iteration " + x.iteration());
            assertEquals(x.activeFactors(), y.activeFactors(), what);
        }
        assertArrayEquals(a.factorOrder(), b.factorOrder(), what);
        int K = a.numFactors();
        for (int g = 0; g < data.numGroups(); g++) {
            assertArrayEquals(a.z(g), b.z(g), what + ", Z of group " + g);
            for (int m = 0; m < data.numViews(); m++) {
                VarianceExplained ra = a.varianceExplained(), rb = b.varianceExplained();
                assertEquals(ra.total(g, m), rb.total(g, m), 0.0, what);
                for (int k = 0; k < K; k++) assertEquals(ra.perFactor(g, m, k), rb.perFactor(g, m, k), 0.0, what);
            }
        }
        for (int m = 0; m < data.numViews(); m++) {
            assertArrayEquals(a.w(m), b.w(m), what + ", W of view " + m);
            assertArrayEquals(a.tau(m), b.tau(m), what + ", tau of view " + m);
        }
        assertArrayEquals(a.alphaW(), b.alphaW(), what);
        assertArrayEquals(a.thetaW(), b.thetaW(), what);
        assertArrayEquals(a.alphaZ(), b.alphaZ(), what);
    }
}
