package dev.warta.article;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.warta.ProblemException;
import dev.warta.ingest.IngestResult;
import dev.warta.ingest.IngestService;
import dev.warta.ingest.TitleKey;
import io.quarkus.logging.Log;

/** Reads a submitted article, in any of its forms, and hands it to ingest. */
@ApplicationScoped
public class ArticleService {

    private final ArticleTextParser textParser = new ArticleTextParser();
    private final IngestService ingest;
    private final ArticlePageReader pages;
    private final ObjectMapper json;

    ArticleService(IngestService ingest, ArticlePageReader pages, ObjectMapper json) {
        this.ingest = ingest;
        this.pages = pages;
        this.json = json;
    }

    /**
     * What the submitter adds to what the article says: a publication time (perhaps only a day) and more topics.
     */
    public record Overrides(Instant published, boolean publishedDayOnly, List<String> topics) {
        public static final Overrides NONE = new Overrides(null, List.of());

        public Overrides {
            topics = topics == null ? List.of() : List.copyOf(topics);
            publishedDayOnly = publishedDayOnly && published != null;
        }

        /** A time of day, or none. */
        public Overrides(Instant published, List<String> topics) {
            this(published, false, topics);
        }
    }

    /**
     * An article as it would be stored: what was read (with the submitter's overrides), the labels of the topics
     * it goes in (as ingest decides them), and what it lacks.
     */
    public record Checked(ArticleReading reading, List<String> topics, List<ArticleWarning> warnings) {
        public Checked {
            topics = List.copyOf(topics);
            warnings = List.copyOf(warnings);
        }

        public ArticleDraft draft() {
            return reading.draft();
        }
    }

    /** A stored article: what was read and checked, and what ingest did with it. */
    public record Published(Checked article, IngestResult result) {
    }

    /** The article as it would be stored; writes nothing, but does fetch the pages it has to read. */
    public Checked preview(ArticleInput input, Overrides overrides) {
        ArticleReading read = read(input);
        ArticleDraft draft = read.draft();
        if (overrides.published() != null) {
            draft = draft.withPublishedAt(overrides.published(), overrides.publishedDayOnly());
        }
        draft = draft.withTopics(overrides.topics());
        List<String> topics = ingest.previewTopics(draft.toEntryDraft());
        return new Checked(new ArticleReading(draft, read.notes()), topics, ArticleWarning.of(draft, topics));
    }

    /** Reads the article, checks it as a preview does, and stores it: the topics it gets are the preview's. */
    public Published publish(ArticleInput input, Overrides overrides) {
        Checked article = preview(input, overrides);
        String title = article.draft().title();
        article.reading().notes().forEach(note -> Log.infof("Article \"%s\": %s", title, note));
        article.warnings().forEach(w -> Log.infof("Article \"%s\": %s", title, w.detail()));
        return new Published(article, ingest.ingest(article.draft().toEntryDraft()));
    }

    private ArticleReading read(ArticleInput input) {
        // Java 17: no pattern matching for switch yet.
        if (input instanceof ArticleInput.Text t) {
            String address = t.address() == null ? null : PageUrls.normalize(t.address().toString()).orElse(null);
            return new ArticleReading(textParser.parse(t.text()).withUrlIfAbsent(address), List.of());
        }
        if (input instanceof ArticleInput.Html h) {
            if (h.bytes().length == 0 || new String(h.bytes(), StandardCharsets.ISO_8859_1).isBlank()) {
                throw ProblemException.invalid("invalid-article", "the page is empty").with("field", "body");
            }
            return requireTitle(pages.read(h.bytes(), h.charset(), h.address()), false,
                    "the page has no headline (og:title, JSON-LD headline or h1)");
        }
        if (input instanceof ArticleInput.Url u) {
            return fetch(u.url());
        }
        return readJson(((ArticleInput.Json) input).bytes());
    }

    private ArticleReading readJson(byte[] bytes) {
        if (bytes.length == 0) {
            throw ProblemException.invalid("invalid-json", "the body is empty; send a JSON object");
        }
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("invalid-json", "the body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw ProblemException.invalid("invalid-json", "the body could not be read as JSON");
        }
        Optional<URI> url = StructuredArticleReader.urlOnly(root);
        if (url.isPresent()) {
            return fetch(url.get());
        }
        return new ArticleReading(StructuredArticleReader.read(root), List.of());
    }

    private ArticleReading fetch(URI url) {
        return requireTitle(pages.fetch(url), true, "the page at " + url + " has no headline (og:title, JSON-LD headline or h1)");
    }

    /** A posted body without a headline is the request's fault; a fetched page without one is the page's. */
    private static ArticleReading requireTitle(ArticleReading reading, boolean fetched, String detail) {
        String title = reading.draft().title();
        if (title == null || TitleKey.of(title).isEmpty()) {
            throw (fetched ? ProblemException.refused("not-an-article", detail) : ProblemException.invalid("not-an-article", detail))
                    .with("field", fetched ? "url" : "body");
        }
        return reading;
    }
}
