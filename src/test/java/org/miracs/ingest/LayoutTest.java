package org.miracs.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.miracs.io.InputException;

/** Header recognition and row parsing of the four public files, without Spark. */
class LayoutTest {
    private static final String EXPR = "Expr.csv";

    @Test
    void expression24Q4LayoutHasAnEmptyFirstHeaderCell() {
        ExpressionLayout l = ExpressionLayout.fromHeader(EXPR, ",TSPAN6 (7105),TNMD (64102)");
        assertFalse(l.isLayout2025());
        assertEquals(2, l.featureCount());
        assertArrayEquals(new String[] {"ACH-000001", null}, l.ids("ACH-000001,4.1,NA"));
        double[] v = l.values("ACH-000001,4.1,NA");
        assertEquals(4.1, v[0]);
        assertTrue(Double.isNaN(v[1]));
        assertEquals("TSPAN6", ExpressionLayout.geneSymbol("TSPAN6 (7105)"));
        assertEquals("7105", ExpressionLayout.entrezId("TSPAN6 (7105)"));
    }

    @Test
    void expression2025LayoutHasIdColumnsAndDefaultEntryFlags() {
        ExpressionLayout l = ExpressionLayout.fromHeader(EXPR,
                "SequencingID,ModelID,IsDefaultEntryForModel,ModelConditionID,IsDefaultEntryForMC,TSPAN6 (7105)");
        assertTrue(l.isLayout2025());
        assertArrayEquals(new String[] {"ACH-000002", "No"}, l.ids("CDS-000009,ACH-000002,No,MC-000002-abcd,No,3.5"));
        assertEquals(3.5, l.values("CDS-000009,ACH-000002,No,MC-000002-abcd,No,3.5")[0]);
    }

    @Test
    void expressionErrorsNameFileRowAndColumn() {
        assertError(() -> ExpressionLayout.fromHeader(EXPR, "Unnamed: 0,TSPAN6 (7105)"),
                "Expr.csv: row 1 (header), column 'column 1': expected an empty first header cell");
        assertError(() -> ExpressionLayout.fromHeader(EXPR, ",TSPAN6 (7105),TSPAN6 (7105)"),
                "column 'TSPAN6 (7105)': expected each gene column once, found 'columns 2 and 3'");
        ExpressionLayout l = ExpressionLayout.fromHeader(EXPR, ",TSPAN6 (7105),TNMD (64102)");
        assertError(() -> l.values("ACH-000001,4.1,abc"),
                "Expr.csv: row ACH-000001, column 'TNMD (64102)': expected a number (log2(TPM+1)) or NA, found 'abc'");
        assertError(() -> l.values("ACH-000001,4.1"), "expected 3 fields as in the header, found '2 fields'");
        assertError(() -> l.ids("CCLE_1,4.1,2"), "expected a DepMap ModelID like ACH-000001, found 'CCLE_1'");
    }

    @Test
    void modelTableReadsByNameAndFlagsAmbiguousCcleNames() throws IOException {
        String csv = "CCLEName,OncotreeLineage,Extra,ModelID\n"
                + "\"A_LUNG\",\"Lung\",\"x, y\",\"ACH-000001\"\n"
                + "NA,NA,\"two\nlines\",\"ACH-000002\"\n"
                + "\"B_SKIN\",\"Skin\",,\"ACH-000003\"\n"
                + "\"B_SKIN\",\"Skin\",,\"ACH-000004\"\n";
        ModelTable t = ModelTable.read("Model.csv", new BufferedReader(new StringReader(csv)));
        assertEquals(4, t.size());
        assertEquals("ACH-000001", t.modelIdOfCcleName("A_LUNG"));
        assertNull(t.get("ACH-000002").ccleName());
        assertNull(t.get("ACH-000002").lineageName());
        assertEquals("Lung", t.get("ACH-000001").lineageName());
        assertNull(t.modelIdOfCcleName("B_SKIN"));
        assertEquals(java.util.List.of("B_SKIN"), t.ambiguousCcleNames());
    }

    @Test
    void modelTableErrors() {
        assertError(() -> ModelTable.read("Model.csv", reader("ModelID,CCLEName\nACH-000001,A_LUNG\n")),
                "Model.csv: row 1 (header), column 'OncotreeLineage': expected a column named 'OncotreeLineage'");
        assertError(() -> ModelTable.read("Model.csv",
                        reader("ModelID,CCLEName,OncotreeLineage\nACH-000001,A_LUNG,Lung\nACH-000001,B_LUNG,Lung\n")),
                "Model.csv: row 3, column 'ModelID': expected each ModelID once, found 'ACH-000001 again'");
    }

    @Test
    void proteomicsHeaderSkipsPeptideCountsAndSplitsSampleColumns() {
        ProteomicsLayout l = ProteomicsLayout.fromHeader("prot.csv",
                "Protein_Id,Gene_Symbol,Description,Group_ID,Uniprot,Uniprot_Acc,TenPx02_Peptides,TenPx01_Peptides,"
                        + "MDAMB468_BREAST_TenPx01,SW948_LARGE_INTESTINE_TenPx20");
        assertEquals(2, l.samples().size());
        assertEquals("MDAMB468_BREAST", l.samples().get(0).ccleName());
        assertEquals("TenPx20", l.samples().get(1).plex());
        assertEquals(20, l.samples().get(1).plexNumber());
        ProteomicsLayout.ProteinRow row = l.parse("sp|P1|A_HUMAN,,\"desc, with comma\",1,A_HUMAN,P1,3,4,NaN,-0.464");
        assertNull(row.geneSymbol());
        assertEquals("P1", row.uniprotAcc());
        assertTrue(Double.isNaN(row.values()[0]));
        assertEquals(-0.464, row.values()[1]);
        assertError(() -> l.parse("sp|P1|A_HUMAN,A,d,1,A,P1,3,4,x,1"),
                "prot.csv: row sp|P1|A_HUMAN, column 'MDAMB468_BREAST_TenPx01': expected a number");
        assertError(() -> ProteomicsLayout.fromHeader("prot.csv", "Protein_Id,Gene_Symbol,Weird,A_LUNG_TenPx01"),
                "column 'Weird': expected a metadata column, a TenPxNN_Peptides column or a sample column");
    }

    @Test
    void prismCurvesSplitMultiValuedFieldsAndKeepNaAsMissing() {
        PrismLayout l = PrismLayout.fromHeader("prism.csv", "broad_id,depmap_id,ccle_name,screen_id,upper_limit,lower_limit,"
                + "slope,r2,auc,ec50,ic50,name,moa,target,disease.area,indication,smiles,phase,passed_str_profiling,row_name");
        PrismLayout.Curve c = l.parse("BRD-K1,ACH-000001,A_LUNG,MTS010,1,0.1,-1,0.9,0.52,NA,NA,drugA,"
                + "\"topoisomerase inhibitor, DNA inhibitor\",\"TOP1, TOP2A\",oncology,NA,\"C, C\",Launched,TRUE,A_LUNG");
        assertArrayEquals(new String[] {"topoisomerase inhibitor", "DNA inhibitor"}, c.moas());
        assertArrayEquals(new String[] {"TOP1", "TOP2A"}, c.targets());
        assertEquals(0.52, c.auc());
        assertEquals(Boolean.TRUE, c.strPassed());
        PrismLayout.Curve failed = l.parse("BRD-K1,NA,A_LUNG,HTS002,1,NA,NA,NA,NA,NA,NA,drugA,NA,NA,NA,NA,NA,NA,NA,A_LUNG");
        assertTrue(Double.isNaN(failed.auc()));
        assertNull(failed.depmapId());
        assertNull(failed.strPassed());
        assertEquals(0, failed.moas().length);
        assertError(() -> l.parse("BRD-K1,ACH-000001,A_LUNG,MTS010,1,0.1,-1,0.9,high,NA,NA,d,NA,NA,NA,NA,NA,NA,TRUE,A"),
                "prism.csv: row BRD-K1 / ACH-000001 / MTS010, column 'auc': expected a number or NA, found 'high'");
        assertError(() -> PrismLayout.fromHeader("prism.csv", "broad_id,depmap_id,screen_id,auc"),
                "column 'ccle_name': expected a column named 'ccle_name'");
    }

    private static BufferedReader reader(String s) {
        return new BufferedReader(new StringReader(s));
    }

    interface Failing {
        void run() throws Exception;
    }

    static void assertError(Failing f, String expectedPart) {
        InputException e = assertThrows(InputException.class, f::run);
        assertTrue(e.getMessage().contains(expectedPart), "message was: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
