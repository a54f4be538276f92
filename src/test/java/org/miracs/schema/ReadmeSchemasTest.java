package org.miracs.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README documents every output table exactly as {@link Tables} defines it. */
class ReadmeSchemasTest {

    @Test
    void readmeListsEveryTableWithItsColumns() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (TableDef t : Tables.all()) {
            assertTrue(readme.contains(t.markdown()), "README.md is missing or out of date for " + t.path()
                    + "; expected this block:\n" + t.markdown());
        }
    }

    /** Prints the README block for all tables. */
    public static void main(String[] args) {
        for (TableDef t : Tables.all()) {
            System.out.println(t.markdown());
        }
    }
}
