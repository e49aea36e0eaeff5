package dev.warta.source;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A source as the API shows it.
 *
 * @param title     the user's title when one was given, else the feed's own
 * @param feedTitle the title the feed gives itself
 * @param entries   entries stored from this source
 * @param retention what is kept: the source's own settings, else the defaults
 * @param fullText  each new item's page is read for its body
 * @param fullTextFetched  item pages read and stored
 * @param fullTextFailures item pages that could not be read (those items keep the feed's summary)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceView(
        long id,
        String url,
        String title,
        String feedTitle,
        String siteUrl,
        String state,
        boolean paused,
        List<TopicRef> topics,
        long entries,
        Instant lastFetchedAt,
        Instant lastSuccessAt,
        Integer lastStatus,
        String lastOutcome,
        int consecutiveErrors,
        String lastError,
        Instant nextPollAt,
        Integer pollIntervalSeconds,
        Retention retention,
        Instant createdAt,
        boolean fullText,
        long fullTextFetched,
        long fullTextFailures) {

    public record TopicRef(String slug, String label) {
    }

    public record Retention(int maxEntries, long maxAgeDays, boolean custom) {
    }
}
