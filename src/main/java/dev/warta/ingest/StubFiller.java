package dev.warta.ingest;

import java.time.Instant;

import dev.warta.entry.EntryRow;
import dev.warta.entry.EntryUpdate;

/**
 * A stub (a related article known by its title, perhaps its address) becomes the article or item that arrives with
 * its address or title: same id, same Atom id, same creation time, its topics kept; it changes now. The update
 * applies only while the row is still that stub (see {@link EntryRow.Version}).
 */
final class StubFiller {

    private StubFiller() {
    }

    /** A desk article fills the stub; it changes now, even when the article is older than the stub's borrowed date. */
    static EntryUpdate withArticle(EntryRow stub, DeskArticle article, Instant now) {
        DeskArticle.Dated published = article.datedOr(new DeskArticle.Dated(now, false));
        Instant updated = published.at().isAfter(stub.updatedAt()) ? published.at() : now;
        return EntryUpdate.of(stub, article.row(stub.id(), stub.uid(), published, updated, stub.createdAt(), stub));
    }

    /** An upstream item with the stub's address fills it. */
    static EntryUpdate withItem(EntryRow stub, PreparedItem item, UpstreamBatch batch, Instant now) {
        EntryRow content = item.newEntry(batch, now);
        Instant updated = now.isAfter(stub.updatedAt()) ? now : stub.updatedAt();
        return EntryUpdate.of(stub, new EntryRow(stub.id(), stub.uid(), content.kind(), content.title(), content.titleKey(),
                content.summary(), content.contentHtml(), content.byline(), stub.url(), content.image() != null ? content.image() : stub.image(), content.publishedAt(),
                updated, stub.createdAt(), content.contentHash(), content.source(), content.publishedDayOnly()));
    }
}
