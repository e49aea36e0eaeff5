package dev.warta.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.warta.FeedFormat;

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). Related articles, the editor and the stub flag,
 * which the format has no field for, go in the {@code _warta} extension objects, as the spec provides.
 */
@ApplicationScoped
public class JsonFeedWriter {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private final ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    public byte[] write(PublishedFeed feed) {
        ObjectNode root = mapper.createObjectNode();
        root.put("version", VERSION);
        root.put("title", feed.title());
        root.put("home_page_url", feed.htmlUrl());
        root.put("feed_url", feed.selfUrl(FeedFormat.JSON));
        root.put("description", feed.subtitle());
        if (feed.nextUrl(FeedFormat.JSON) != null) {
            root.put("next_url", feed.nextUrl(FeedFormat.JSON));
        }
        root.put("language", feed.language());
        root.putArray("authors").addObject().put("name", feed.authorName());
        ArrayNode hubs = root.putArray("hubs");
        for (String hub : feed.hubs()) {
            hubs.addObject().put("type", "WebSub").put("url", hub);
        }
        ObjectNode ext = root.putObject("_warta");
        ext.put("id", feed.id());
        ext.put("first_url", feed.firstUrl(FeedFormat.JSON));
        if (feed.previousUrl(FeedFormat.JSON) != null) {
            ext.put("previous_url", feed.previousUrl(FeedFormat.JSON));
        }
        ext.put("updated", date(feed.updated()));

        ArrayNode items = root.putArray("items");
        for (PublishedFeed.PublishedEntry e : feed.entries()) {
            items.add(item(e));
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private ObjectNode item(PublishedFeed.PublishedEntry e) {
        ObjectNode item = mapper.createObjectNode();
        item.put("id", e.id());
        item.put("url", e.link());
        item.put("title", e.title());
        if (e.feedSummary() != null) {
            item.put("summary", e.feedSummary());
        }
        if (e.contentHtml() != null) {
            item.put("content_html", e.contentHtml());
        } else {
            // The spec requires content_html or content_text: a stub is known only by its title (and lede).
            item.put("content_text", e.summary() != null ? e.summary() : e.title());
        }
        if (e.imageUrl() != null) {
            item.put("image", e.imageUrl());
        }
        item.put("date_published", date(e.published()));
        item.put("date_modified", date(e.updated()));
        if (e.author() != null) {
            item.putArray("authors").addObject().put("name", e.author());
        }
        if (!e.categories().isEmpty()) {
            ArrayNode tags = item.putArray("tags");
            e.categories().forEach(c -> tags.add(c.label()));
        }
        item.put("language", FeedAssembler.LANGUAGE);
        ObjectNode ext = item.putObject("_warta");
        ext.put("stub", e.stub());
        if (!e.contributors().isEmpty()) {
            ArrayNode editors = ext.putArray("editors");
            e.contributors().forEach(editors::add);
        }
        ArrayNode topics = ext.putArray("topics");
        for (PublishedFeed.Category c : e.categories()) {
            topics.addObject().put("slug", c.term()).put("label", c.label()).put("url", c.scheme() + c.term());
        }
        ArrayNode related = ext.putArray("related");
        for (PublishedFeed.Related r : e.related()) {
            related.addObject().put("title", r.title()).put("url", r.href());
        }
        if (e.source() != null) {
            // Provenance of an aggregated entry, as Atom's <source> carries it.
            ObjectNode source = ext.putObject("source");
            source.put("title", e.source().title());
            source.put("feed_url", e.source().feedUrl());
            if (e.source().siteUrl() != null) {
                source.put("home_page_url", e.source().siteUrl());
            }
        }
        return item;
    }

    /** RFC 3339, as the spec asks. */
    private static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
