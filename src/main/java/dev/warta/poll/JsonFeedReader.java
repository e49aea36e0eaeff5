package dev.warta.poll;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.warta.LeadImage;
import dev.warta.ingest.ItemDraft;

/** Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) with Jackson. */
final class JsonFeedReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";

    ParsedFeed read(byte[] body, URI url, Instant now) throws FeedReadException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new FeedReadException(FeedReadException.Reason.MALFORMED,
                    "not valid JSON: " + e.getOriginalMessage(), List.of(), e);
        } catch (IOException e) {
            throw new FeedReadException(FeedReadException.Reason.MALFORMED, "not valid JSON", List.of(), e);
        }
        String version = text(root, "version");
        if (root == null || !root.isObject() || version == null || !version.startsWith(VERSION_PREFIX)) {
            throw new FeedReadException(FeedReadException.Reason.MALFORMED,
                    "JSON without a JSON Feed \"version\" (https://jsonfeed.org/version/1.1)");
        }
        JsonNode entries = root.path("items");
        if (!entries.isArray()) {
            throw new FeedReadException(FeedReadException.Reason.MALFORMED, "JSON Feed without an \"items\" array");
        }
        List<ItemDraft> items = new ArrayList<>(entries.size());
        for (JsonNode item : entries) {
            if (item.isObject()) {
                items.add(DraftNormalizer.draft(raw(item, url), now));
            }
        }
        return new ParsedFeed("json_" + version.substring(VERSION_PREFIX.length()), DraftNormalizer.plainTitle(text(root, "title")),
                DraftNormalizer.absolute(text(root, "home_page_url"), url), items);
    }

    private static DraftNormalizer.RawItem raw(JsonNode item, URI base) {
        String link = DraftNormalizer.absolute(DraftNormalizer.firstNonBlank(text(item, "url"), text(item, "external_url")), base);
        String contentHtml = text(item, "content_html");
        if (contentHtml == null && text(item, "content_text") != null) {
            contentHtml = org.jsoup.nodes.Entities.escape(text(item, "content_text")).replace("\n", "<br>");
        }
        String summary = text(item, "summary");
        if (summary == null && contentHtml != null) {
            summary = DraftNormalizer.summary(contentHtml);
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : item.path("tags")) {
            if (tag.isTextual() && !tag.asText().isBlank()) {
                tags.add(tag.asText().strip());
            }
        }
        JsonNode id = item.get("id");
        String guid = id == null || id.isNull() || id.isContainerNode() ? null : id.asText();
        return new DraftNormalizer.RawItem(guid, text(item, "title"), link, summary, contentHtml, author(item),
                new StatedDates(date(text(item, "date_published")), date(text(item, "date_modified"))), tags,
                image(item, link != null ? URI.create(link) : base, contentHtml));
    }

    /** 1.1's first named author, else 1.0's {@code author}. */
    private static String author(JsonNode item) {
        for (JsonNode a : item.path("authors")) {
            String name = text(a, "name");
            if (name != null) {
                return name;
            }
        }
        return text(item.path("author"), "name");
    }

    /** The item's {@code image} (JSON Feed's lead image), else {@code banner_image}, else the content's first {@code <img>}. */
    private static LeadImage image(JsonNode item, URI base, String contentHtml) {
        String url = DraftNormalizer.absolute(DraftNormalizer.firstNonBlank(text(item, "image"), text(item, "banner_image")), base);
        return url != null ? LeadImage.of(url) : ItemImages.firstImg(contentHtml, base);
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static Instant date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
