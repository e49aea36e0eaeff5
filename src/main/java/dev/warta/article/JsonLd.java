package dev.warta.article;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkus.logging.Log;

/**
 * The schema.org article a page describes in {@code <script type="application/ld+json">}: a single object,
 * an array of objects, or a {@code @graph}; {@code @type} a string or an array; {@code @id} references
 * resolved within the page. Pages write sloppy JSON (raw line breaks in strings, trailing commas), so the
 * reader is lenient; a block it still cannot read is skipped.
 */
final class JsonLd {

    /** Most specific first: a page that has both a NewsArticle and a WebPage describes the NewsArticle. */
    private static final List<String> ARTICLE_TYPES = List.of("newsarticle", "reportagenewsarticle", "analysisnewsarticle",
            "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting", "article", "blogposting",
            "socialmediaposting", "report");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private final JsonNode article;
    private final Map<String, JsonNode> byId;

    private JsonLd(JsonNode article, Map<String, JsonNode> byId) {
        this.article = article;
        this.byId = byId;
    }

    /** The page's article object, or empty when its JSON-LD describes none. */
    static Optional<JsonLd> of(Document doc) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
            try {
                collect(MAPPER.readTree(script.data()), nodes);
            } catch (Exception e) {
                Log.debugf("Skipping unreadable JSON-LD: %s", e.getMessage());
            }
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode node : nodes) {
            if (node.path("@id").isTextual()) {
                byId.putIfAbsent(node.path("@id").asText(), node);
            }
        }
        for (String type : ARTICLE_TYPES) {
            for (JsonNode node : nodes) {
                if (types(node).contains(type)) {
                    return Optional.of(new JsonLd(node, byId));
                }
            }
        }
        return Optional.empty();
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, into));
        } else if (node.isObject()) {
            into.add(node);
            if (node.has("@graph")) {
                collect(node.get("@graph"), into);
            }
        }
    }

    private static Set<String> types(JsonNode node) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = node.path("@type");
        if (type.isTextual()) {
            types.add(type.asText().toLowerCase(Locale.ROOT));
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText().toLowerCase(Locale.ROOT)));
        }
        return types;
    }

    /** A reference {@code {"@id": ...}} replaced by the object it names, when the page has it. */
    private JsonNode deref(JsonNode node) {
        if (node != null && node.isObject() && node.size() == 1 && node.path("@id").isTextual()) {
            return byId.getOrDefault(node.get("@id").asText(), node);
        }
        return node;
    }

    Optional<String> text(String field) {
        return textOf(article.get(field));
    }

    private static Optional<String> textOf(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isArray()) {
            return node.isEmpty() ? Optional.empty() : textOf(node.get(0));
        }
        if (!node.isValueNode()) {
            return Optional.empty();
        }
        String value = clean(node.asText());
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Names of people or organisations in a field: a string, an object with a name, or an array of those. */
    List<String> names(String field) {
        List<String> names = new ArrayList<>();
        JsonNode node = article.get(field);
        if (node == null) {
            return names;
        }
        for (JsonNode item : node.isArray() ? node : List.of(node)) {
            JsonNode n = deref(item);
            Optional<String> name = n.isObject() ? textOf(n.get("name")) : textOf(n);
            name.filter(s -> !names.contains(s)).ifPresent(names::add);
        }
        return names;
    }

    /** A URL field: a string, an object with {@code url} or {@code @id}, or the first of an array. */
    Optional<String> url(String field) {
        JsonNode node = article.get(field);
        if (node == null) {
            return Optional.empty();
        }
        JsonNode first = node.isArray() ? (node.isEmpty() ? null : node.get(0)) : node;
        if (first == null) {
            return Optional.empty();
        }
        JsonNode target = deref(first);
        if (target.isObject()) {
            return textOf(target.get("url")).or(() -> textOf(target.get("@id")));
        }
        return textOf(target);
    }

    /**
     * The thing a field names, as its own object: the field's object, or the first of its array, a reference resolved
     * (an article's {@code image} as an {@code ImageObject}); empty when the field is a plain value or absent.
     */
    Optional<JsonLd> thing(String field) {
        JsonNode node = article.get(field);
        JsonNode first = node != null && node.isArray() ? (node.isEmpty() ? null : node.get(0)) : node;
        JsonNode target = deref(first);
        return target != null && target.isObject() ? Optional.of(new JsonLd(target, byId)) : Optional.empty();
    }

    /** {@code keywords}: an array, or one comma-separated string. */
    List<String> keywords() {
        List<String> keywords = new ArrayList<>();
        JsonNode node = article.get("keywords");
        if (node == null) {
            return keywords;
        }
        List<String> raw = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(k -> raw.add(k.asText()));
        } else if (node.isTextual()) {
            raw.addAll(List.of(node.asText().split(",")));
        }
        for (String k : raw) {
            String c = clean(k);
            if (!c.isEmpty() && keywords.stream().noneMatch(c::equalsIgnoreCase)) {
                keywords.add(c);
            }
        }
        return keywords;
    }

    /** Pages put HTML entities (and sometimes tags) into JSON strings; the text is what counts. */
    private static String clean(String s) {
        String unescaped = Parser.unescapeEntities(s, false);
        if (unescaped.indexOf('<') >= 0) {
            unescaped = org.jsoup.Jsoup.parseBodyFragment(unescaped).text();
        }
        return unescaped.replace('\u00A0', ' ').strip();
    }

    /** articleBody keeps its line breaks: they separate paragraphs. */
    Optional<String> articleBody() {
        JsonNode node = article.get("articleBody");
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Parser.unescapeEntities(node.asText(), false));
    }
}
