package dev.warta.source;

import java.util.Set;

/**
 * A source one poller holds a lease on, with what a fetch needs. {@code lease} is the claim's token: the
 * poller's writes apply only while the source still carries it.
 */
public record ClaimedSource(long id, String url, String etag, String lastModified, String title, String customTitle,
        String siteUrl, int consecutiveErrors, Integer pollIntervalSeconds, Integer retentionMaxEntries,
        Integer retentionMaxAgeDays, Set<Long> topicIds, String lease) {

    public String displayTitle() {
        return customTitle != null ? customTitle : title != null ? title : url;
    }
}
