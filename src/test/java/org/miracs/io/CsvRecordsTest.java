package org.miracs.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void splitsPlainQuotedAndEmptyFields() {
        assertArrayEquals(new String[] {"", "TSPAN6 (7105)", "TNMD (64102)"}, CsvRecords.splitLine(",TSPAN6 (7105),TNMD (64102)"));
        assertArrayEquals(new String[] {"BRD-1", "topoisomerase inhibitor, DNA inhibitor", "NA"},
                CsvRecords.splitLine("BRD-1,\"topoisomerase inhibitor, DNA inhibitor\",NA"));
        assertArrayEquals(new String[] {"a \"quoted\" word", ""}, CsvRecords.splitLine("\"a \"\"quoted\"\" word\","));
        assertArrayEquals(new String[] {""}, CsvRecords.splitLine(""));
        assertArrayEquals(new String[] {"a", "", "b"}, CsvRecords.splitLine("a,,b"));
    }

    @Test
    void prefixAndFirstFieldStopEarly() {
        assertEquals("ACH-000001", CsvRecords.firstField("ACH-000001,1.0,2.0"));
        assertEquals("ACH-000001", CsvRecords.firstField("\"ACH-000001\",1.0"));
        assertArrayEquals(new String[] {"CDS-1", "ACH-000001"}, CsvRecords.splitPrefix("CDS-1,ACH-000001,Yes,1.0", 2));
        assertArrayEquals(new String[] {"only"}, CsvRecords.splitPrefix("only", 3));
    }

    @Test
    void malformedQuotesAreErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvRecords.splitLine("a,\"open"));
        assertEquals("unterminated quoted field", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvRecords.splitLine("\"x\"y,z"));
    }

    @Test
    void recordsFollowQuotedLineBreaks() throws IOException {
        BufferedReader r = new BufferedReader(new StringReader("id,comment\n1,\"two\nlines\"\n2,plain\n"));
        assertArrayEquals(new String[] {"id", "comment"}, CsvRecords.readRecord(r));
        assertArrayEquals(new String[] {"1", "two\nlines"}, CsvRecords.readRecord(r));
        assertArrayEquals(new String[] {"2", "plain"}, CsvRecords.readRecord(r));
        assertNull(CsvRecords.readRecord(r));
    }

    @Test
    void numbersAreStrict() {
        assertEquals(2.11, Numbers.parseOrNaN("2.11"));
        assertEquals(-0.464, Numbers.parseOrNaN("-0.464"));
        assertEquals(1e-5, Numbers.parseOrNaN("1e-5"));
        assertTrue(Double.isNaN(Numbers.parseOrNaN("NA")));
        assertTrue(Double.isNaN(Numbers.parseOrNaN("NaN")));
        assertTrue(Double.isNaN(Numbers.parseOrNaN("")));
        for (String bad : new String[] {"abc", "1.5d", "Infinity", "0x1p3", "1,5", "--1"}) {
            assertThrows(NumberFormatException.class, () -> Numbers.parseOrNaN(bad), bad);
        }
    }
}
