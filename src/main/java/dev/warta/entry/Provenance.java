package dev.warta.entry;

/**
 * Where an aggregated entry came from, kept on the entry so that it outlives its source (the Atom
 * {@code source} element needs title, feed and site address).
 *
 * @param sourceId null once the source is deleted
 */
public record Provenance(Long sourceId, String title, String feedUrl, String siteUrl) {
}
