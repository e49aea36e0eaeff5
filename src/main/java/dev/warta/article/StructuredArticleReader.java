package dev.warta.article;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.warta.LeadImage;
import dev.warta.ProblemException;
import dev.warta.entry.Byline;
import dev.warta.ingest.TitleKey;
import dev.warta.topic.Slugs;

/**
 * Reads the JSON forms of {@code POST /api/articles}:
 *
 * <pre>
 * {"url": "https://…"}                                   the page at this address, fetched
 * {"title": …, "summary": …, "contentHtml": …, "author": …, "editor": …, "published": …, "modified": …,
 *  "url": …, "image": …, "topics": […], "related": [{"title": …, "url": …}]}
 * </pre>
 *
 * {@code image} is the lead image's address, or an object of it and what is known of it:
 * {@code {"url": …, "type": "image/jpeg", "width": 800, "height": 450, "caption": …, "credit": …}}.
 *
 * Every fault is a 400 naming the field ({@code related[1].url}); unknown fields are faults too, so a typo
 * ({@code "summery"}) is not silently dropped.
 */
final class StructuredArticleReader {

    static final Set<String> FIELDS = Set.of("title", "summary", "contentHtml", "author", "editor", "published", "modified",
            "url", "image", "topics", "related");
    private static final Set<String> RELATED_FIELDS = Set.of("title", "url");
    private static final Set<String> IMAGE_FIELDS = Set.of("url", "type", "width", "height", "caption", "credit");

    private StructuredArticleReader() {
    }

    /** The address of {@code {"url": …}}, or empty when the object is a structured article. */
    static Optional<URI> urlOnly(JsonNode root) {
        requireObject(root, "the body");
        if (root.size() == 1 && root.has("url")) {
            return Optional.of(URI.create(url(root, "url", "url").orElseThrow(() -> invalid("url", "url is required"))));
        }
        return Optional.empty();
    }

    static ArticleDraft read(JsonNode root) {
        requireObject(root, "the body");
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw invalid(name, "\"" + name + "\" is not a field of an article; the fields are " + String.join(", ",
                        List.of("title", "summary", "contentHtml", "author", "editor", "published", "modified", "url", "image",
                                "topics", "related")));
            }
        }
        String title = string(root, "title", "title").orElseThrow(() -> invalid("title",
                "title is required (or send only {\"url\": …} to fetch the page)"));
        if (TitleKey.of(title).isEmpty()) {
            throw invalid("title", "the title has no letters or digits");
        }
        NewsDate published = string(root, "published", "published").map(v -> date(v, "published")).orElse(null);
        NewsDate modified = string(root, "modified", "modified").map(v -> date(v, "modified")).orElse(null);

        List<String> topics = topics(root);
        List<ArticleDraft.RelatedArticle> related = related(root);

        Byline byline = new Byline(string(root, "author", "author").orElse(null), string(root, "editor", "editor").orElse(null),
                null, null, null, null);
        return new ArticleDraft(title, string(root, "summary", "summary").orElse(null), byline,
                published == null ? null : published.instant(), string(root, "contentHtml", "contentHtml").orElse(null), related,
                topics, url(root, "url", "url").orElse(null), image(root),
                modified == null ? null : modified.instant(), List.of(), published != null && published.dayOnly());
    }

    /** {@code topics}: labels with letters or digits, each once (case ignored). */
    private static List<String> topics(JsonNode root) {
        List<String> topics = new ArrayList<>();
        JsonNode topicNode = array(root, "topics");
        for (int i = 0; i < topicNode.size(); i++) {
            String field = "topics[" + i + "]";
            JsonNode t = topicNode.get(i);
            if (!t.isTextual() || Slugs.of(t.asText()).isEmpty()) {
                throw invalid(field, field + " must be a topic name with letters or digits");
            }
            if (topics.stream().noneMatch(t.asText().strip()::equalsIgnoreCase)) {
                topics.add(t.asText().strip());
            }
        }
        return topics;
    }

    /** {@code related}: objects of a title (required) and an absolute address. */
    private static List<ArticleDraft.RelatedArticle> related(JsonNode root) {
        List<ArticleDraft.RelatedArticle> related = new ArrayList<>();
        JsonNode relatedNode = array(root, "related");
        for (int i = 0; i < relatedNode.size(); i++) {
            String field = "related[" + i + "]";
            JsonNode r = relatedNode.get(i);
            requireObject(r, field);
            for (Iterator<String> names = r.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!RELATED_FIELDS.contains(name)) {
                    throw invalid(field + "." + name, "\"" + name + "\" is not a field of a related article (title, url)");
                }
            }
            String relatedTitle = string(r, "title", field + ".title")
                    .filter(t -> !TitleKey.of(t).isEmpty())
                    .orElseThrow(() -> invalid(field + ".title", field + ".title is required and needs letters or digits"));
            related.add(new ArticleDraft.RelatedArticle(relatedTitle, url(r, "url", field + ".url").orElse(null)));
        }
        return related;
    }

    /** {@code image}: an address, or an object of an address (required) and what is known of the image. */
    private static LeadImage image(JsonNode root) {
        JsonNode node = root.get("image");
        if (node == null || !node.isObject()) {
            return url(root, "image", "image").map(LeadImage::of).orElse(null);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!IMAGE_FIELDS.contains(name)) {
                throw invalid("image." + name, "\"" + name + "\" is not a field of an image (url, type, width, height, caption, credit)");
            }
        }
        String url = url(node, "url", "image.url").orElseThrow(() -> invalid("image.url", "image.url is required"));
        String type = string(node, "type", "image.type").orElse(null);
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).matches("image/[a-z0-9.+-]+")) {
            throw invalid("image.type", "image.type \"" + type + "\" is not an image media type (e.g. image/jpeg)");
        }
        return new LeadImage(url, type == null ? null : type.toLowerCase(java.util.Locale.ROOT), pixels(node, "width"),
                pixels(node, "height"), string(node, "caption", "image.caption").orElse(null),
                string(node, "credit", "image.credit").orElse(null));
    }

    private static Integer pixels(JsonNode image, String name) {
        JsonNode node = image.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() <= 0) {
            throw invalid("image." + name, "image." + name + " must be a positive whole number of pixels");
        }
        return node.asInt();
    }

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw ProblemException.invalid("invalid-json", what + " must be a JSON object");
        }
    }

    private static Optional<String> string(JsonNode parent, String name, String field) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw invalid(field, field + " must be a string");
        }
        String value = node.asText().strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static JsonNode array(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray()) {
            throw invalid(name, name + " must be an array");
        }
        return node;
    }

    private static Optional<String> url(JsonNode parent, String name, String field) {
        return string(parent, name, field).map(v -> PageUrls.normalize(v)
                .orElseThrow(() -> invalid(field, field + " \"" + v + "\" is not an absolute http or https URL")));
    }

    private static NewsDate date(String value, String field) {
        return NewsDates.readIso(value).orElseThrow(() -> invalid(field,
                field + " \"" + value + "\" is not an ISO-8601 date or date-time (e.g. 2022-12-19T17:30:00+07:00)"));
    }

    private static ProblemException invalid(String field, String detail) {
        return ProblemException.invalid("invalid-field", detail).with("field", field);
    }
}
