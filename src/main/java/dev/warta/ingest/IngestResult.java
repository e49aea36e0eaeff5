package dev.warta.ingest;

public record IngestResult(long entryId, IngestOutcome outcome) {
}
