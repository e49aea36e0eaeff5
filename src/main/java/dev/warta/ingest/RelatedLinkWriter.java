package dev.warta.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.entry.Byline;
import dev.warta.entry.EntryKind;
import dev.warta.entry.EntryRepository;
import dev.warta.entry.EntryRow;
import dev.warta.entry.EntryTopic;
import dev.warta.entry.EntryTopicRepository;
import dev.warta.entry.EntryUpdate;
import dev.warta.entry.RelatedLinkRepository;
import dev.warta.entry.RelatedLinkRow;

/**
 * Each "Baca juga" line of a desk article names an entry: the one the matcher finds for its address or title,
 * else a new stub. A stub is dated by what is known: the day its address states ({@link UrlDates}, only a day), else
 * the linking article's date (it existed by then). A stub named by an article joins that article's topics and gains
 * the line's address when it had none, and with it the address's day.
 */
@ApplicationScoped
class RelatedLinkWriter {

    /** A line and the entry it names. */
    record Target(EntryDraft.RelatedDraft line, long entryId) {
    }

    private final EntryMatcher matcher;
    private final EntryWriter writer;
    private final EntryTopicRepository entryTopics;
    private final RelatedLinkRepository relatedLinks;

    RelatedLinkWriter(EntryMatcher matcher, EntryWriter writer, EntryTopicRepository entryTopics,
            RelatedLinkRepository relatedLinks) {
        this.matcher = matcher;
        this.writer = writer;
        this.entryTopics = entryTopics;
        this.relatedLinks = relatedLinks;
    }

    /**
     * Runs before the article is written, so that a new stub gets a lower id than a new article: at equal
     * publication time the article comes first in feeds (newest id first).
     *
     * @param article  the article's row as it will be written ({@code id} null when it is new)
     * @param topicIds every topic the article will be in
     * @param touched  collects the topics whose feeds change
     */
    List<Target> resolve(DeskArticle draft, EntryRow article, Set<Long> topicIds, Set<Long> touched, Instant now) {
        List<Target> targets = new ArrayList<>();
        for (EntryDraft.RelatedDraft line : draft.related()) {
            targets.add(new Target(line, target(line, article, topicIds, touched, now)));
        }
        return targets;
    }

    /** The article's lines become exactly these, in order. */
    void link(long entryId, List<Target> targets, boolean replacing) {
        if (replacing) {
            relatedLinks.deleteOf(entryId);
        }
        List<RelatedLinkRow> rows = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            EntryDraft.RelatedDraft line = targets.get(i).line();
            rows.add(new RelatedLinkRow(entryId, i, line.title().strip(), LinkCanonicalizer.canonical(line.url()),
                    targets.get(i).entryId()));
        }
        relatedLinks.insert(rows);
    }

    private long target(EntryDraft.RelatedDraft line, EntryRow article, Set<Long> topicIds, Set<Long> touched, Instant now) {
        String key = TitleKey.of(line.title());
        String url = LinkCanonicalizer.canonical(line.url());
        Optional<EntryRow> known = matcher.matchRelated(key, url);
        EntryRow target = known.isPresent() ? known.get() : writer.insertOne(newStub(line, key, url, article, now));
        // An article or item named by the line stays as it is; so does the entry this draft itself fills.
        if (!target.isStub() || target.id().equals(article.id())) {
            return target.id();
        }
        if (known.isPresent() && target.url() == null && url != null) {
            EntryRow addressed = target.withUrl(url);
            Optional<LocalDate> day = addressDay(url, now);
            writer.updateOne(EntryUpdate.of(target, day.isPresent() ? addressed.withPublished(midnight(day.get()), true) : addressed));
            touched.addAll(entryTopics.findTopicIds(List.of(target.id())));
        }
        List<EntryTopic> pairs = topicIds.stream().map(topic -> new EntryTopic(target.id(), topic)).toList();
        entryTopics.add(pairs).forEach(added -> touched.add(added.topicId()));
        return target.id();
    }

    private static EntryRow newStub(EntryDraft.RelatedDraft line, String key, String url, EntryRow article, Instant now) {
        Optional<LocalDate> day = addressDay(url, now);
        Instant published = day.map(RelatedLinkWriter::midnight).orElse(article.publishedAt());
        boolean dayOnly = day.isPresent() || article.publishedDayOnly();
        return new EntryRow(null, UUID.randomUUID(), EntryKind.STUB, line.title().strip(), key, null, null, Byline.NONE, url,
                null, published, published, now, null, null, dayOnly);
    }

    /** The day the address states, unless it is after today in Jakarta: an address cannot be from the future. */
    private static Optional<LocalDate> addressDay(String url, Instant now) {
        return UrlDates.day(url, now.atZone(EntryRepository.DESK_ZONE).toLocalDate());
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(EntryRepository.DESK_ZONE).toInstant();
    }
}
