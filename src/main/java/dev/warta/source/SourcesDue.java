package dev.warta.source;

/** Sources became due at once (an OPML import, "refresh all"): a poll cycle should start now. */
public record SourcesDue(int count) {
}
