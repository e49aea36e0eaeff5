package dev.warta.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.ProblemException;
import dev.warta.entry.EntryRepository;
import dev.warta.entry.EntryRow;
import dev.warta.ingest.SourceItemRepository.KnownItem;

/**
 * Finds the stored entry a draft is, the one way for every kind of draft. A desk article is known by its canonical
 * address, then by its title key on its Jakarta day; an upstream item by its source and upstream id, then by its
 * canonical address (another feed carried the article, or a related line named it); a related article by its
 * address, then the desk article of its title, then the stub of its title.
 */
@ApplicationScoped
class EntryMatcher {

    /** What a desk article is among stored entries. */
    sealed interface DeskMatch {
        /** No entry yet. */
        record Fresh() implements DeskMatch {
        }

        /**
         * An article (or an aggregated item) that is this one. {@code absorbed}: a stub that holds the article's
         * address while the title and day are the article's; they were one article all along.
         */
        record Stored(EntryRow row, Optional<EntryRow> absorbed) implements DeskMatch {
        }

        /** The stub at the article's address, else the stub of its title. */
        record Stub(EntryRow row) implements DeskMatch {
        }
    }

    /** Items the source carried before that changed upstream, with their entries as stored (null: gone meanwhile). */
    record ChangedItem(PreparedItem item, EntryRow stored) {
    }

    /** A batch's items by what the source carried before: new ones, changed ones, and how many are as they were. */
    record ItemMatches(List<PreparedItem> fresh, List<ChangedItem> changed, int unchanged) {
    }

    private final EntryRepository entries;
    private final SourceItemRepository sourceItems;

    EntryMatcher(EntryRepository entries, SourceItemRepository sourceItems) {
        this.entries = entries;
        this.sourceItems = sourceItems;
    }

    /**
     * The entry at the article's address, else the desk article with its title on its day (any day when it states
     * none), else the stub of its title. An address and a title of two different articles is a conflict: Warta
     * refuses rather than guess.
     */
    DeskMatch matchArticle(DeskArticle article) {
        Optional<EntryRow> byTitle = article.draft().publishedAt() != null
                ? entries.findArticleOnDay(article.titleKey(), article.draft().publishedAt().atZone(EntryRepository.DESK_ZONE).toLocalDate())
                : entries.findLatestArticle(article.titleKey());
        Optional<EntryRow> byUrl = byUrl(article.url());
        if (byUrl.isPresent() && byTitle.isPresent() && !byUrl.get().id().equals(byTitle.get().id())) {
            EntryRow owner = byUrl.get();
            EntryRow titled = byTitle.get();
            if (!owner.isStub()) {
                throw ProblemException.conflict("conflict", "the address " + article.url() + " belongs to entry " + owner.id()
                        + " (\"" + owner.title() + "\"), but the title and day belong to entry " + titled.id()
                        + "; delete one of them first").with("existing", List.of(owner.id(), titled.id()));
            }
            return new DeskMatch.Stored(titled, byUrl);
        }
        Optional<EntryRow> found = byUrl.or(() -> byTitle);
        if (found.isPresent()) {
            return found.get().isStub() ? new DeskMatch.Stub(found.get()) : new DeskMatch.Stored(found.get(), Optional.empty());
        }
        return entries.findStub(article.titleKey()).<DeskMatch>map(DeskMatch.Stub::new).orElseGet(DeskMatch.Fresh::new);
    }

    /** The entry a related line names, if any is stored. */
    Optional<EntryRow> matchRelated(String titleKey, String url) {
        return byUrl(url).or(() -> entries.findLatestArticle(titleKey)).or(() -> entries.findStub(titleKey));
    }

    /** Sorts a batch's items by their {@code source_item} rows: tombstones and unchanged digests are unchanged. */
    ItemMatches matchItems(long sourceId, List<PreparedItem> items) {
        Map<String, KnownItem> known = sourceItems.findKnown(sourceId, items);
        List<PreparedItem> fresh = new ArrayList<>();
        List<PreparedItem> changed = new ArrayList<>();
        int unchanged = 0;
        for (PreparedItem p : items) {
            KnownItem k = known.get(p.guidHash());
            if (k == null) {
                fresh.add(p);
            } else if (k.tombstone() || p.contentHash().equals(k.contentHash())) {
                unchanged++;
            } else {
                changed.add(p);
            }
        }
        Map<Long, EntryRow> stored = entries.findRows(changed.stream().map(p -> known.get(p.guidHash()).entryId()).toList());
        List<ChangedItem> withRows = changed.stream()
                .map(p -> new ChangedItem(p, stored.get(known.get(p.guidHash()).entryId()))).toList();
        return new ItemMatches(fresh, withRows, unchanged);
    }

    /** Entries already at the items' addresses, by address. */
    Map<String, EntryRow> matchUrls(Collection<PreparedItem> items) {
        return entries.findRowsByUrl(items.stream().map(PreparedItem::url).filter(Objects::nonNull).distinct().toList());
    }

    private Optional<EntryRow> byUrl(String url) {
        return url == null ? Optional.empty() : Optional.ofNullable(entries.findRowsByUrl(List.of(url)).get(url));
    }
}
