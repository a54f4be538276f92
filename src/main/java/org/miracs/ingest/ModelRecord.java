package org.miracs.ingest;

import java.io.Serializable;

/** One row of DepMap's Model.csv, reduced to what MIRACS needs. {@code ccleName} and {@code lineageName} may be null. */
public record ModelRecord(String modelId, String ccleName, String lineageName) implements Serializable {}
