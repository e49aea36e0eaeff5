package dev.warta.poll;

import java.util.List;

import dev.warta.ingest.ItemDraft;

/**
 * An upstream feed as read: its own title and site link, and its items in document order.
 *
 * @param format e.g. {@code rss_2.0}, {@code atom_1.0}, {@code json_1.1}
 */
public record ParsedFeed(String format, String title, String siteUrl, List<ItemDraft> items) {

    public ParsedFeed {
        items = List.copyOf(items);
    }
}
