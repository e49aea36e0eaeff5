package dev.warta.entry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Every paged walk over entries (feeds, topic pages, the home page, {@code /api/entries}) reads here, by keyset on
 * the index that has the list's order: {@code entry (published_at, id)} for every entry, {@code entry_topic
 * (topic_id, published_at, entry_id)} for a topic's. A page costs the same at a thousand entries as at a million.
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
     * One page of the topic's entries, or of every entry when {@code topicId} is null. One more position than the
     * page holds is read to know whether an older page exists; a page reached by {@code after=} (newer entries) is
     * read oldest first so that the limit cuts the far end, then reversed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EntryList page(Long topicId, ListPage page) {
        int limit = page.limit();
        List<Cursor> found;
        boolean moreOlder;
        boolean moreNewer;
        if (page.after() != null) {
            found = new ArrayList<>(positions(topicId, page.after(), false, limit + 1));
            moreNewer = found.size() > limit;
            found = new ArrayList<>(found.subList(0, Math.min(limit, found.size())));
            Collections.reverse(found);
            moreOlder = exists(topicId, found.isEmpty() ? page.after() : last(found), true);
        } else {
            found = positions(topicId, page.before(), true, limit + 1);
            moreOlder = found.size() > limit;
            found = found.subList(0, Math.min(limit, found.size()));
            moreNewer = page.before() != null && exists(topicId, found.isEmpty() ? page.before() : found.get(0), false);
        }
        Cursor older = moreOlder ? (found.isEmpty() ? page.after() : last(found)) : null;
        Cursor newer = moreNewer ? (found.isEmpty() ? page.before() : found.get(0)) : null;
        return new EntryList(entries.findInOrder(found.stream().map(Cursor::id).toList()), older, newer);
    }

    private List<Cursor> positions(Long topicId, Cursor from, boolean older, int limit) {
        return topicId == null ? entries.findPositions(from, older, limit)
                : entryTopics.findPositions(topicId, from, older, limit);
    }

    private boolean exists(Long topicId, Cursor from, boolean older) {
        return !positions(topicId, from, older, 1).isEmpty();
    }

    private static Cursor last(List<Cursor> list) {
        return list.get(list.size() - 1);
    }
}
