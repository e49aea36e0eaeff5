package dev.warta.source;

/** A source was subscribed or resumed and should be fetched now; fired after its transaction committed. */
public record SourceDue(long sourceId) {
}
