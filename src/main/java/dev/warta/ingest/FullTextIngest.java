package dev.warta.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import dev.warta.Digests;
import dev.warta.entry.EntryKind;
import dev.warta.entry.EntryRepository;
import dev.warta.entry.EntryRow;
import dev.warta.entry.EntryTopicRepository;
import dev.warta.entry.EntryUpdate;
import dev.warta.topic.ChangeRecorder;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Full text for summary-only sources, on the one write path. Upstream ingest records the page each new item of a
 * full-text source wants ({@link #want}, in the batch's transaction; {@link FullTextWanted} after commit) and, when
 * an item's link changes, wants the new page ({@link #relink}); the full-text worker (in {@code article}, which
 * fetches and reads pages) claims pages here and hands back each page's body ({@link #store}) or why it has none
 * ({@link #failed}). The body is sanitized and written over the entry's content through {@link EntryWriter}, its
 * feeds and page move through the {@link ChangeRecorder}, in one {@link IngestTransaction}.
 */
@ApplicationScoped
public class FullTextIngest {

    private final IngestTransaction transaction;
    private final FullTextPageRepository pages;
    private final EntryRepository entries;
    private final EntryTopicRepository entryTopics;
    private final EntryWriter writer;
    private final ChangeRecorder changes;
    private final Event<FullTextWanted> wanted;

    FullTextIngest(IngestTransaction transaction, FullTextPageRepository pages, EntryRepository entries,
            EntryTopicRepository entryTopics, EntryWriter writer, ChangeRecorder changes, Event<FullTextWanted> wanted) {
        this.transaction = transaction;
        this.pages = pages;
        this.entries = entries;
        this.entryTopics = entryTopics;
        this.writer = writer;
        this.changes = changes;
        this.wanted = wanted;
    }

    /** In the batch's transaction: the pages of these newly stored items, when their source is set to full text. */
    void want(long sourceId, Collection<PreparedItem> items, Instant now) {
        List<FullTextPageRepository.Page> list = items.stream().filter(p -> p.url() != null)
                .map(p -> new FullTextPageRepository.Page(p.guidHash(), p.url())).toList();
        if (pages.insertWanted(sourceId, list, now) > 0) {
            wanted.fire(new FullTextWanted(sourceId));
        }
    }

    /** The item pages of a source's changed items that have a row, by item key. */
    Map<String, FullTextPageRepository.Wanted> findWanted(long sourceId, Collection<String> guidHashes) {
        return pages.findWanted(sourceId, guidHashes);
    }

    /** In the batch's transaction, before the entries are written: these items moved to new addresses, by item key. */
    void relink(long sourceId, Map<String, String> urlByKey) {
        List<FullTextPageRepository.Page> list = urlByKey.entrySet().stream()
                .map(e -> new FullTextPageRepository.Page(e.getKey(), e.getValue())).toList();
        if (pages.relink(sourceId, list) > 0) {
            wanted.fire(new FullTextWanted(sourceId));
        }
    }

    /** Leases pages to read (see {@link FullTextPageRepository#claim}); abandoned claims fail first. */
    public List<FullTextClaim> claim(int limit, int perHost, Instant leaseUntil, String owner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            pages.failAbandoned(now());
            return pages.claim(limit, perHost, leaseUntil, owner);
        });
    }

    /**
     * The page's body becomes the entry's content, when the claim still holds and the entry is still the source's
     * item. The summary stays. Returns whether it was stored.
     */
    public boolean store(FullTextClaim claim, String bodyHtml) {
        String clean = HtmlSanitizer.clean(bodyHtml, claim.pageUrl());
        if (clean == null || HtmlSanitizer.text(clean).isBlank()) {
            failed(claim, "no article body found on the page");
            return false;
        }
        return transaction.run(() -> "the page of entry " + claim.entryId(), () -> {
            Instant now = now();
            if (!pages.lockClaimed(claim)) {
                return false; // the item moved to another address meanwhile: that page is read instead
            }
            EntryRow stored = entries.findRows(List.of(claim.entryId())).get(claim.entryId());
            if (stored == null || stored.kind() != EntryKind.ITEM || !Objects.equals(stored.sourceId(), claim.sourceId())) {
                pages.finish(claim, "failed", "the entry is no longer this source's item", now);
                return false;
            }
            writer.updateOne(EntryUpdate.of(stored, withContent(stored, clean, now)));
            pages.finish(claim, "fetched", null, now);
            changes.record(entryTopics.findTopicIds(List.of(stored.id())), now);
            return true;
        });
    }

    /** The page could not be read: the item keeps the feed's content, and the source counts one failure. */
    public void failed(FullTextClaim claim, String reason) {
        Log.infof("No full text for entry %d from %s: %s", claim.entryId(), claim.pageUrl(), reason);
        QuarkusTransaction.requiringNew().run(() -> pages.finish(claim, "failed", reason, now()));
    }

    /**
     * The body over the entry's content; {@code updated} moves so readers fetch it again. The digest changes too, so
     * an upstream update that read the entry before this write cannot write its older content over it unnoticed.
     */
    private static EntryRow withContent(EntryRow s, String content, Instant now) {
        Instant updated = now.isAfter(s.updatedAt()) ? now : s.updatedAt();
        String digest = Digests.sha256Hex(s.contentHash() + "\u001ffull text\u001f" + content);
        return new EntryRow(s.id(), s.uid(), s.kind(), s.title(), s.titleKey(), s.summary(), content, s.byline(), s.url(),
                s.image(), s.publishedAt(), updated, s.createdAt(), digest, s.source(), s.publishedDayOnly());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
