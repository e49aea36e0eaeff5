package dev.warta.ingest;

/**
 * An item page one full-text worker holds a lease on: the item (source and key), the entry that stands for it and
 * the address to read. {@code owner} is the claim's token; its result is written only while the row still carries it.
 */
public record FullTextClaim(long sourceId, String guidHash, long entryId, String pageUrl, String owner) {
}
