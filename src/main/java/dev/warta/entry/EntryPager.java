package dev.warta.entry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Every paged walk over entries (feeds, topic pages, the home page, {@code /api/entries}) reads here, by keyset on
 * the index that has the list's order: {@code entry (published_at, id)} for every entry, {@code entry_topic
 * (topic_id, published_at, entry_id)} for a topic's ({@code entry_published_not_stub_idx} for every entry but the stubs). A
 * page costs the same at a thousand entries as at a million.
 */
@ApplicationScoped
public class EntryPager {

    private final EntryRepository entries;
    private final EntryTopicRepository entryTopics;

    EntryPager(EntryRepository entries, EntryTopicRepository entryTopics) {
        this.entries = entries;
        this.entryTopics = entryTopics;
    }

    /**
     * Where a list's entries sit in feed order: the newest {@code limit} ({@code from} null), or those just older
     * ({@code older}) or just newer than {@code from}; older ones newest first, newer ones oldest first.
     */
    @FunctionalInterface
    public interface Positions {
        List<Cursor> find(Cursor from, boolean older, int limit);
    }

    /**
     * One page of the topic's entries, or of every entry when {@code topicId} is null (without stubs when the page
     * says so).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EntryList page(Long topicId, ListPage page) {
        boolean stubs = page.withStubs();
        return page(page, (from, older, limit) -> topicId == null ? entries.findPositions(from, older, stubs, limit)
                : entryTopics.findPositions(topicId, from, older, stubs, limit));
    }

    /**
     * One page of a list whose positions another reader knows (a search). One more position than the page holds is
     * read to know whether an older page exists; a page reached by {@code after=} (newer entries) is read oldest
     * first so that the limit cuts the far end, then reversed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EntryList page(ListPage page, Positions positions) {
        int limit = page.limit();
        List<Cursor> found;
        boolean moreOlder;
        boolean moreNewer;
        if (page.after() != null) {
            found = new ArrayList<>(positions.find(page.after(), false, limit + 1));
            moreNewer = found.size() > limit;
            found = new ArrayList<>(found.subList(0, Math.min(limit, found.size())));
            Collections.reverse(found);
            moreOlder = exists(positions, found.isEmpty() ? page.after() : last(found), true);
        } else {
            found = positions.find(page.before(), true, limit + 1);
            moreOlder = found.size() > limit;
            found = found.subList(0, Math.min(limit, found.size()));
            moreNewer = page.before() != null && exists(positions, found.isEmpty() ? page.before() : found.get(0), false);
        }
        Cursor older = moreOlder ? (found.isEmpty() ? page.after() : last(found)) : null;
        Cursor newer = moreNewer ? (found.isEmpty() ? page.before() : found.get(0)) : null;
        return new EntryList(entries.findInOrder(found.stream().map(Cursor::id).toList()), older, newer);
    }

    private static boolean exists(Positions positions, Cursor from, boolean older) {
        return !positions.find(from, older, 1).isEmpty();
    }

    private static Cursor last(List<Cursor> list) {
        return list.get(list.size() - 1);
    }
}
