package dev.warta.entry;

/** One "Baca juga" line of an entry, as stored: its title, its canonical address if known, the entry it names. */
public record RelatedLinkRow(long entryId, int position, String title, String url, Long targetId) {
}
