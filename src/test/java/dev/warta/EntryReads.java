package dev.warta;

import org.hibernate.stat.Statistics;

import dev.warta.entry.Entry;

/** What the cache tests count to show that a cached answer read nothing of the entries. */
public final class EntryReads {

    private EntryReads() {
    }

    /** Every way Hibernate reads entries: entity loads, their collections, and queries that name Entry. */
    public static long count(Statistics stats) {
        long n = stats.getEntityStatistics(Entry.class.getName()).getLoadCount()
                + stats.getEntityStatistics(Entry.class.getName()).getFetchCount()
                + stats.getCollectionStatistics(Entry.class.getName() + ".topics").getFetchCount()
                + stats.getCollectionStatistics(Entry.class.getName() + ".related").getFetchCount();
        for (String query : stats.getQueries()) {
            if (query.contains("Entry") || query.contains("entry")) {
                n += stats.getQueryStatistics(query).getExecutionCount();
            }
        }
        return n;
    }
}
