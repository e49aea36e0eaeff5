package dev.warta.ingest;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import dev.warta.ProblemException;
import dev.warta.entry.Entry;
import dev.warta.entry.EntryKind;
import dev.warta.entry.EntryRepository;
import dev.warta.entry.RelatedLink;
import dev.warta.topic.FeedVersionBump;
import dev.warta.topic.Topic;
import dev.warta.topic.TopicClassifiers;
import dev.warta.topic.TopicService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The single write path: turns drafts into stored entries. Recognises an article it already has (same
 * title and publication day), fills a stub that carries the article's title, stores each related article
 * as an entry of its own, and bumps the version of every feed that changed in the same transaction.
 */
@ApplicationScoped
public class IngestService {

    private static final int ATTEMPTS = 3;

    private final EntryRepository entries;
    private final TopicService topics;
    private final EntityManager em;
    private final Event<EntriesChanged> changed;
    private final TopicClassifiers classifiers;

    IngestService(EntryRepository entries, TopicService topics, EntityManager em, Event<EntriesChanged> changed,
            TopicClassifiers classifiers) {
        this.entries = entries;
        this.topics = topics;
        this.em = em;
        this.changed = changed;
        this.classifiers = classifiers;
    }

    /**
     * Stores a desk article. Runs in its own transaction; when a concurrent ingest of the same article or
     * stub wins a unique key, the draft is ingested again and finds that row.
     */
    public IngestResult ingest(EntryDraft draft) {
        validate(draft);
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> store(draft));
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS && isUniqueViolation(e)) {
                    Log.debugf("Concurrent ingest of \"%s\" hit a unique key; retrying", draft.title());
                    continue;
                }
                throw e;
            }
        }
    }

    /** What deleting an entry removed. */
    public record Deletion(long id, String title, int stubsDeleted) {
    }

    /**
     * Deletes an entry, and the stubs that only it named. Articles that name the entry keep their "Baca
     * juga" line (title and address), pointing at no entry. Feed versions are bumped like on ingest.
     *
     * @return empty when there is no such entry
     */
    public Optional<Deletion> delete(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Entry> found = entries.findByIdOptional(id);
            if (found.isEmpty()) {
                return Optional.<Deletion>empty();
            }
            Entry entry = found.get();
            String title = entry.title;
            Set<Long> touched = new TreeSet<>();
            entry.topics.forEach(t -> touched.add(t.id));
            List<Long> named = entry.related.stream().filter(r -> r.target != null && !r.target.id.equals(id))
                    .map(r -> r.target.id).distinct().toList();
            entries.untarget(id);
            entries.delete(entry);
            entries.flush();
            List<Entry> orphans = entries.unlinkedStubs(named);
            for (Entry stub : orphans) {
                stub.topics.forEach(t -> touched.add(t.id));
                entries.delete(stub);
            }
            entries.flush();
            bumpFeedVersions(touched, Instant.now().truncatedTo(ChronoUnit.MICROS));
            changed.fire(new EntriesChanged(Set.copyOf(touched)));
            Log.infof("Deleted entry %d (\"%s\") and %d stub(s) only it named", id, title, orphans.size());
            return Optional.of(new Deletion(id, title, orphans.size()));
        });
    }

    private static void validate(EntryDraft draft) {
        if (draft.title() == null || draft.title().isBlank()) {
            throw new IllegalArgumentException("an entry needs a title");
        }
        if (TitleKey.of(draft.title()).isEmpty()) {
            throw new IllegalArgumentException("the title has no letters or digits");
        }
    }

    private IngestResult store(EntryDraft draft) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String titleKey = TitleKey.of(draft.title());
        String contentHtml = HtmlSanitizer.clean(draft.contentHtml());
        Set<Topic> draftTopics = new LinkedHashSet<>();
        for (String label : draft.topics()) {
            draftTopics.add(topics.findOrCreate(label));
        }
        // Topic rules sort desk articles too; the article's own topic labels count as its categories.
        for (Long topicId : classifiers.current().classify(draft.title(), draft.summary(), draft.topics())) {
            draftTopics.add(em.find(Topic.class, topicId));
        }
        String hash = contentHash(draft, contentHtml, draftTopics);

        // Addresses are compared in one form, whichever path brought them (see LinkCanonicalizer).
        String url = LinkCanonicalizer.canonical(draft.url());
        Set<Long> touched = new TreeSet<>();
        Optional<Entry> article = matchArticle(draft, titleKey, url, touched);

        Entry entry;
        IngestOutcome outcome;
        if (article.isPresent() && !article.get().isStub()) {
            entry = article.get();
            if (hash.equals(entry.contentHash)) {
                return new IngestResult(entry.id, IngestOutcome.UNCHANGED);
            }
            entry.topics.forEach(t -> touched.add(t.id));
            entry.updatedAt = now;
            if (entry.kind == EntryKind.ITEM) {
                // The desk publishes its own version of an article Warta aggregated: from now on it is the
                // desk's, which upstream polling and retention leave alone (they only touch items).
                entry.kind = EntryKind.ARTICLE;
                entry.sourceId = null;
                entry.sourceTitle = null;
                entry.sourceFeedUrl = null;
                entry.sourceSiteUrl = null;
                if (draft.publishedAt() != null) {
                    entry.publishedAt = draft.publishedAt();
                }
            } else {
                entry.publishedAt = preciser(entry.publishedAt, draft.publishedAt());
            }
            outcome = IngestOutcome.UPDATED;
        } else {
            // A stub found by the article's address, else the stub of its title.
            Optional<Entry> stub = article.isPresent() ? article : entries.findStubByTitleKey(titleKey);
            Instant published = draft.publishedAt() != null ? draft.publishedAt() : now;
            if (stub.isPresent()) {
                entry = stub.get();
                entry.topics.forEach(t -> touched.add(t.id));
                // The entry changes now, even when the article is older than the stub's borrowed date.
                entry.updatedAt = published.isAfter(entry.updatedAt) ? published : now;
                outcome = IngestOutcome.FILLED_STUB;
            } else {
                entry = new Entry();
                entry.uid = UUID.randomUUID();
                entry.createdAt = now;
                Instant modified = draft.modifiedAt();
                entry.updatedAt = modified != null && modified.isAfter(published) ? modified.truncatedTo(ChronoUnit.MICROS)
                        : published;
                outcome = IngestOutcome.CREATED;
            }
            entry.publishedAt = published;
            entry.kind = EntryKind.ARTICLE;
        }

        entry.title = draft.title().strip();
        entry.titleKey = titleKey;
        entry.summary = blankToNull(draft.summary());
        entry.contentHtml = contentHtml;
        entry.author = blankToNull(draft.author());
        entry.editor = blankToNull(draft.editor());
        entry.reporter = blankToNull(draft.reporter());
        entry.publisher = blankToNull(draft.publisher());
        entry.city = blankToNull(draft.city());
        entry.credit = blankToNull(draft.credit());
        if (url != null) {
            entry.url = url;
        }
        if (blankToNull(draft.imageUrl()) != null) {
            entry.imageUrl = draft.imageUrl().strip();
        }
        entry.contentHash = hash;
        // Topics are only ever added: an edit that drops the trailer must not pull the article from a feed.
        entry.topics.addAll(draftTopics);

        // Related entries first: a new stub gets a lower id than the article, so at equal publication
        // time the article comes first in feeds (newest id first).
        List<Entry> targets = new ArrayList<>();
        List<EntryDraft.RelatedDraft> links = new ArrayList<>();
        for (EntryDraft.RelatedDraft related : draft.related()) {
            if (related.title() == null || TitleKey.of(related.title()).isEmpty()
                    || TitleKey.of(related.title()).equals(titleKey)
                    || (url != null && url.equals(LinkCanonicalizer.canonical(related.url())))) {
                continue;
            }
            targets.add(findOrCreateRelated(entry, related, touched));
            links.add(related);
        }
        if (entry.id == null) {
            entries.persist(entry);
        }
        if (!entry.related.isEmpty()) {
            entry.related.clear();
            entries.flush();
        }
        for (int i = 0; i < targets.size(); i++) {
            RelatedLink link = new RelatedLink();
            link.entry = entry;
            link.position = i;
            link.title = links.get(i).title().strip();
            link.url = LinkCanonicalizer.canonical(links.get(i).url());
            link.target = targets.get(i);
            entry.related.add(link);
        }
        entries.flush();

        entry.topics.forEach(t -> touched.add(t.id));
        bumpFeedVersions(touched, now);
        changed.fire(new EntriesChanged(Set.copyOf(touched)));
        Log.infof("Ingested \"%s\" as entry %d (%s)", entry.title, entry.id, outcome.name().toLowerCase());
        return new IngestResult(entry.id, outcome);
    }

    /**
     * The entry a related article names: by its address, else by its title among desk articles, else the
     * stub of that title, else a new stub in the linking article's topics, dated by the linking article
     * (it existed by then).
     */
    private Entry findOrCreateRelated(Entry article, EntryDraft.RelatedDraft draft, Set<Long> touched) {
        String key = TitleKey.of(draft.title());
        String url = LinkCanonicalizer.canonical(draft.url());
        Optional<Entry> known = url == null ? Optional.empty() : entries.findByUrl(url);
        if (known.isEmpty()) {
            known = entries.findLatestArticle(key);
        }
        if (known.isEmpty()) {
            known = entries.findStubByTitleKey(key);
        }
        Entry target = known.orElseGet(() -> {
            Entry stub = new Entry();
            stub.uid = UUID.randomUUID();
            stub.kind = EntryKind.STUB;
            stub.title = draft.title().strip();
            stub.titleKey = key;
            stub.publishedAt = article.publishedAt;
            stub.updatedAt = article.publishedAt;
            stub.createdAt = Instant.now();
            return stub;
        });
        if (target.isStub()) {
            if (target.url == null && url != null) {
                target.url = url;
                target.topics.forEach(t -> touched.add(t.id));
            }
            for (Topic topic : article.topics) {
                if (target.topics.add(topic)) {
                    touched.add(topic.id);
                }
            }
            if (target.id == null) {
                entries.persist(target);
            }
        }
        return target;
    }

    /**
     * The stored entry this draft is: the one at its canonical address first, else the desk article with its
     * title on its day (any day when it states none). When the address belongs to a stub and the title to
     * an article, they were one article all along: the stub's links move to the article and the stub goes.
     */
    private Optional<Entry> matchArticle(EntryDraft draft, String titleKey, String url, Set<Long> touched) {
        Optional<Entry> byTitle = draft.publishedAt() != null
                ? entries.findArticle(titleKey, draft.publishedAt().atZone(EntryRepository.DESK_ZONE).toLocalDate())
                : entries.findLatestArticle(titleKey);
        Optional<Entry> byUrl = url == null ? Optional.empty() : entries.findByUrl(url);
        if (byUrl.isEmpty() || byTitle.isEmpty() || byUrl.get().id.equals(byTitle.get().id)) {
            return byUrl.isPresent() ? byUrl : byTitle;
        }
        Entry owner = byUrl.get();
        Entry article = byTitle.get();
        if (!owner.isStub()) {
            throw ProblemException.conflict("conflict", "the address " + url + " belongs to entry " + owner.id
                    + " (\"" + owner.title + "\"), but the title and day belong to entry " + article.id
                    + "; delete one of them first").with("existing", List.of(owner.id, article.id));
        }
        Log.infof("Entry %d is the article at %s: merging stub %d (\"%s\") into it", article.id, url, owner.id, owner.title);
        entries.flush();
        entries.retarget(owner.id, article.id);
        owner.topics.forEach(t -> touched.add(t.id));
        entries.delete(owner);
        // The stub's row must be gone before the article takes its address (unique index on url).
        entries.flush();
        em.refresh(article);
        return Optional.of(article);
    }

    /** A stored date-only publication time (midnight in Jakarta) gives way to a time of day on that day. */
    private static Instant preciser(Instant stored, Instant stated) {
        if (stated == null || stored.equals(stated)) {
            return stored;
        }
        var zone = EntryRepository.DESK_ZONE;
        boolean storedDateOnly = stored.atZone(zone).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
        boolean sameDay = stored.atZone(zone).toLocalDate().equals(stated.atZone(zone).toLocalDate());
        return storedDateOnly && sameDay ? stated : stored;
    }

    private void bumpFeedVersions(Set<Long> topicIds, Instant now) {
        em.unwrap(Session.class).doWork(conn -> FeedVersionBump.bump(conn, topicIds, now));
    }

    private static String contentHash(EntryDraft draft, String contentHtml, Set<Topic> topics) {
        StringBuilder s = new StringBuilder();
        for (String field : new String[] { draft.title().strip(), draft.summary(), contentHtml, draft.author(), draft.editor(),
                draft.reporter(), draft.publisher(), draft.city(), draft.credit(), draft.url() }) {
            s.append(field == null ? "" : field.strip()).append('\u001f');
        }
        topics.stream().map(t -> t.slug).sorted().forEach(slug -> s.append(slug).append('\u001e'));
        for (EntryDraft.RelatedDraft r : draft.related()) {
            s.append(r.title()).append('\u001d').append(r.url() == null ? "" : r.url()).append('\u001e');
        }
        // Appended only when present, so that the digest of a draft without them is what it always was.
        if (draft.imageUrl() != null) {
            s.append("image\u001f").append(draft.imageUrl().strip());
        }
        return dev.warta.Digests.sha256Hex(s.toString());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
