package dev.warta.publish;

import java.time.Instant;

/** The version of something Warta serves (a feed, an entry page, the list of topics) and when it last changed. */
public record ContentVersion(long version, Instant changedAt) {
}
