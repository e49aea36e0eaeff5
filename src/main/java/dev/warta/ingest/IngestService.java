package dev.warta.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.warta.entry.EntryRepository;
import dev.warta.entry.EntryRow;
import dev.warta.entry.EntryTopic;
import dev.warta.entry.EntryTopicRepository;
import dev.warta.entry.EntryUpdate;
import dev.warta.entry.RelatedLinkRepository;
import dev.warta.ingest.EntryMatcher.DeskMatch;
import dev.warta.topic.ChangeRecorder;
import io.quarkus.logging.Log;

/**
 * Desk articles into entries, through the one write path: {@link DeskArticles} prepares the draft, the
 * {@link EntryMatcher} finds what it is, the {@link StubFiller} or the desk's rules ({@link DeskArticle}) make its
 * row, the {@link RelatedLinkWriter} stores what its "Baca juga" lines name, {@link EntryWriter} writes it with an id
 * from {@link EntryIds}, and the {@link ChangeRecorder} moves the feeds; all in one {@link IngestTransaction}.
 * Deleting goes through the same transaction and change recorder.
 */
@ApplicationScoped
public class IngestService {

    private final IngestTransaction transaction;
    private final DeskArticles articles;
    private final EntryMatcher matcher;
    private final EntryWriter writer;
    private final RelatedLinkWriter related;
    private final ChangeRecorder changes;
    private final EntryRepository entries;
    private final EntryTopicRepository entryTopics;
    private final RelatedLinkRepository relatedLinks;

    IngestService(IngestTransaction transaction, DeskArticles articles, EntryMatcher matcher, EntryWriter writer,
            RelatedLinkWriter related, ChangeRecorder changes, EntryRepository entries, EntryTopicRepository entryTopics,
            RelatedLinkRepository relatedLinks) {
        this.transaction = transaction;
        this.articles = articles;
        this.matcher = matcher;
        this.writer = writer;
        this.related = related;
        this.changes = changes;
        this.entries = entries;
        this.entryTopics = entryTopics;
        this.relatedLinks = relatedLinks;
    }

    /** What the draft will write: its row, the stored row it replaces (null: a new entry), and what that is. */
    private record DeskWrite(EntryRow row, EntryRow stored, IngestOutcome outcome) {
    }

    /** What deleting an entry removed. */
    public record Deletion(long id, String title, int stubsDeleted) {
    }

    /**
     * Stores a desk article. When a concurrent ingest of the same article or stub wins a unique key, the draft is
     * ingested again and finds that row.
     */
    public IngestResult ingest(EntryDraft draft) {
        DeskArticles.validate(draft);
        return transaction.run(() -> "\"" + draft.title() + "\"", () -> store(draft));
    }

    /**
     * The labels of the topics ingesting the draft would put it in, decided exactly as {@link #ingest} decides them (the
     * draft's own labels, then the topic rules), creating nothing: a label no topic has yet is shown as it would be
     * created.
     */
    @Transactional
    public List<String> previewTopics(EntryDraft draft) {
        return articles.previewTopics(draft).stream().map(DeskArticles.DraftTopic::label).toList();
    }

    /**
     * Deletes an entry, and the stubs that only it named. Articles that name the entry keep their "Baca juga" line
     * (title and address), pointing at no entry. Feed versions are bumped like on ingest.
     *
     * @return empty when there is no such entry
     */
    public Optional<Deletion> delete(long id) {
        return transaction.run(() -> "the deletion of entry " + id, () -> {
            EntryRow entry = entries.findRows(List.of(id)).get(id);
            if (entry == null) {
                return Optional.<Deletion>empty();
            }
            Set<Long> touched = entryTopics.findTopicIds(List.of(id));
            List<Long> named = relatedLinks.findTargets(id);
            relatedLinks.untarget(id);
            entries.delete(List.of(id));
            List<Long> orphans = entries.findUnlinkedStubs(named);
            touched.addAll(entryTopics.findTopicIds(orphans));
            entries.delete(orphans);
            changes.record(touched, Instant.now().truncatedTo(ChronoUnit.MICROS));
            Log.infof("Deleted entry %d (\"%s\") and %d stub(s) only it named", id, entry.title(), orphans.size());
            return Optional.of(new Deletion(id, entry.title(), orphans.size()));
        });
    }

    private IngestResult store(EntryDraft draft) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        DeskArticle article = articles.prepare(draft);
        DeskMatch match = matcher.matchArticle(article);
        if (match instanceof DeskMatch.Stored s && article.contentHash().equals(s.row().contentHash())
                && !article.sharpens(s.row())) {
            return new IngestResult(s.row().id(), IngestOutcome.UNCHANGED);
        }
        Set<Long> touched = new TreeSet<>();
        absorb(match, article, touched);
        DeskWrite write = plan(article, match, now);
        Set<Long> topics = write.stored() == null ? new TreeSet<>() : entryTopics.findTopicIds(List.of(write.stored().id()));
        // Topics are only ever added: an edit that drops the trailer must not pull the article from a feed.
        topics.addAll(article.topicIds());
        List<RelatedLinkWriter.Target> targets = related.resolve(article, write.row(), topics, touched, now);
        long id = write.stored() == null ? writer.insertOne(write.row()).id() : write.stored().id();
        if (write.stored() != null) {
            writer.updateOne(EntryUpdate.of(write.stored(), write.row()));
        }
        entryTopics.add(article.topicIds().stream().map(topic -> new EntryTopic(id, topic)).toList());
        related.link(id, targets, write.stored() != null);
        touched.addAll(topics);
        changes.record(touched, now);
        Log.infof("Ingested \"%s\" as entry %d (%s)", article.title(), id, write.outcome().name().toLowerCase());
        return new IngestResult(id, write.outcome());
    }

    private static DeskWrite plan(DeskArticle article, DeskMatch match, Instant now) {
        if (match instanceof DeskMatch.Stored s) {
            return new DeskWrite(article.over(s.row(), now), s.row(), IngestOutcome.UPDATED);
        }
        if (match instanceof DeskMatch.Stub s) {
            return new DeskWrite(StubFiller.withArticle(s.row(), article, now).row(), s.row(), IngestOutcome.FILLED_STUB);
        }
        return new DeskWrite(article.newEntry(now), null, IngestOutcome.CREATED);
    }

    /**
     * A stub at the article's address while its title and day are the article's: they were one article all along.
     * The stub's links move to the article, and the stub goes before the article takes its address (it is unique).
     */
    private void absorb(DeskMatch match, DeskArticle article, Set<Long> touched) {
        if (!(match instanceof DeskMatch.Stored s) || s.absorbed().isEmpty()) {
            return;
        }
        EntryRow stub = s.absorbed().get();
        Log.infof("Entry %d is the article at %s: merging stub %d (\"%s\") into it", s.row().id(), article.url(), stub.id(),
                stub.title());
        relatedLinks.retarget(stub.id(), s.row().id());
        touched.addAll(entryTopics.findTopicIds(List.of(stub.id())));
        entries.delete(List.of(stub.id()));
    }
}
