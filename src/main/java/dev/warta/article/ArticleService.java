package dev.warta.article;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.ingest.IngestResult;
import dev.warta.ingest.IngestService;

/** Reads a submitted article and hands it to ingest. */
@ApplicationScoped
public class ArticleService {

    private final ArticleTextParser textParser = new ArticleTextParser();
    private final IngestService ingest;

    ArticleService(IngestService ingest) {
        this.ingest = ingest;
    }

    /**
     * @param published overrides the date found in the text; null keeps it
     * @param topics    topic labels added to the one the trailer names
     */
    public IngestResult submitText(String text, Instant published, List<String> topics) {
        ArticleDraft draft = textParser.parse(text);
        if (published != null) {
            draft = draft.withPublishedAt(published);
        }
        draft = draft.withTopics(topics);
        return ingest.ingest(draft.toEntryDraft());
    }

    public ArticleDraft parseText(String text) {
        return textParser.parse(text);
    }
}
