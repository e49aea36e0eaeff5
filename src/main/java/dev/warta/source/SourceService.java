package dev.warta.source;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import dev.warta.ProblemException;
import dev.warta.WartaConfig;
import dev.warta.topic.Slugs;
import dev.warta.topic.Topic;
import dev.warta.topic.TopicService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Subscribing to upstream feeds, changing and removing subscriptions, OPML in and out. Fetching is the
 * poller's: this service only says, after its transaction committed, that sources are due ({@link SourceDue},
 * {@link SourcesDue}).
 */
@ApplicationScoped
public class SourceService {

    static final int MAX_TOPICS = 50;
    static final int MAX_TITLE = 300;

    private final SourceRepository sources;
    private final SourceTopicRepository sourceTopics;
    private final TopicService topics;
    private final Event<SourceDue> sourceDue;
    private final Event<SourcesDue> sourcesDue;
    private final WartaConfig config;

    SourceService(SourceRepository sources, SourceTopicRepository sourceTopics, TopicService topics, Event<SourceDue> sourceDue,
            Event<SourcesDue> sourcesDue, WartaConfig config) {
        this.sources = sources;
        this.sourceTopics = sourceTopics;
        this.topics = topics;
        this.sourceDue = sourceDue;
        this.sourcesDue = sourcesDue;
        this.config = config;
    }

    /** The new source (fetched in the background right after); 409 when its address is already a source. */
    public SourceView create(String url, List<String> topicNames, String title) {
        return create(url, topicNames, title, false);
    }

    /** The same; {@code fullText}: each new item's page is read for its body. */
    public SourceView create(String url, List<String> topicNames, String title, boolean fullText) {
        String normalized = SourceUrls.normalize(url, "url");
        List<String> names = checkTopics(topicNames);
        String customTitle = checkTitle(title);
        long id;
        try {
            id = QuarkusTransaction.requiringNew().call(() -> {
                Optional<Source> existing = sources.findByUrl(normalized);
                if (existing.isPresent()) {
                    throw duplicate(existing.get());
                }
                Source source = new Source();
                source.url = normalized;
                source.customTitle = customTitle;
                source.fullText = fullText;
                source.state = SourceState.ACTIVE;
                source.createdAt = now();
                source.nextPollAt = source.createdAt;
                source.topics.addAll(resolveTopics(names));
                sources.persist(source);
                sources.flush();
                return source.id;
            });
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                // A concurrent request subscribed the same address first.
                throw QuarkusTransaction.requiringNew().call(() -> duplicate(sources.findByUrl(normalized).orElseThrow()));
            }
            throw e;
        }
        Log.infof("Subscribed to %s as source %d", normalized, id);
        sourceDue.fire(new SourceDue(id));
        return view(id);
    }

    /** A keyset page of sources by id; {@code next} is the cursor of the page after it, when this one is full. */
    public record SourcePage(List<SourceView> sources, Optional<Long> next) {
    }

    /** The sources with an id above {@code after}, at most {@code limit}: three statements whatever the page's size. */
    @Transactional
    public SourcePage list(long after, int limit) {
        // One more than asked: whether a next page exists, without a count.
        List<Source> rows = sources.listAfter(after, limit + 1);
        List<Source> page = rows.subList(0, Math.min(limit, rows.size()));
        Map<Long, List<SourceView.TopicRef>> topicRefs = sourceTopics.findTopicRefs(page.stream().map(s -> s.id).toList());
        List<SourceView> views = page.stream().map(s -> view(s, topicRefs.getOrDefault(s.id, List.of()))).toList();
        return new SourcePage(views, rows.size() > limit ? Optional.of(page.get(page.size() - 1).id) : Optional.empty());
    }

    @Transactional
    public SourceView view(long id) {
        Source source = find(id);
        return view(source, sourceTopics.findTopicRefs(List.of(id)).getOrDefault(id, List.of()));
    }

    /**
     * Changes what is given: {@code topics} replaces the default topics, {@code paused} pauses or resumes,
     * {@code title} sets (or, null, clears) the custom title, {@code retention} the source's own retention,
     * {@code fullText} whether new items' pages are read (items stored before are left as they are).
     */
    public SourceView patch(long id, SourcePatch patch) {
        List<String> names = patch.topics() == null ? null : checkTopics(patch.topics());
        String title = patch.title() == null ? null : checkTitle(patch.title().orElse(null));
        if (patch.retentionMaxEntries() != null && patch.retentionMaxEntries().filter(n -> n < 1).isPresent()) {
            throw ProblemException.invalid("invalid-source", "retention.maxEntries is at least 1").with("field", "retention.maxEntries");
        }
        if (patch.retentionMaxAgeDays() != null && patch.retentionMaxAgeDays().filter(n -> n < 1).isPresent()) {
            throw ProblemException.invalid("invalid-source", "retention.maxAgeDays is at least 1").with("field", "retention.maxAgeDays");
        }
        boolean resume = QuarkusTransaction.requiringNew().call(() -> {
            Source source = find(id);
            boolean resumed = false;
            if (names != null) {
                source.topics.clear();
                source.topics.addAll(resolveTopics(names));
            }
            if (patch.title() != null) {
                source.customTitle = title;
            }
            if (patch.retentionMaxEntries() != null) {
                source.retentionMaxEntries = patch.retentionMaxEntries().orElse(null);
            }
            if (patch.retentionMaxAgeDays() != null) {
                source.retentionMaxAgeDays = patch.retentionMaxAgeDays().orElse(null);
            }
            if (patch.fullText() != null) {
                source.fullText = patch.fullText();
            }
            if (Boolean.TRUE.equals(patch.paused()) && source.state != SourceState.PAUSED) {
                source.state = SourceState.PAUSED;
                source.nextPollAt = null;
                Log.infof("Source %d paused", id);
            } else if (Boolean.FALSE.equals(patch.paused()) && (source.state == SourceState.PAUSED || source.state == SourceState.GONE)) {
                source.state = SourceState.ACTIVE;
                source.consecutiveErrors = 0;
                source.nextPollAt = now();
                resumed = true;
                Log.infof("Source %d resumed", id);
            }
            return resumed;
        });
        if (resume) {
            sourceDue.fire(new SourceDue(id));
        }
        return view(id);
    }

    /** Removes the source; its entries stay (they keep the source's title and addresses for provenance). */
    @Transactional
    public void delete(long id) {
        Source source = find(id);
        sources.delete(source);
        Log.infof("Source %d (%s) deleted; its entries stay", id, source.url);
    }

    /** Makes every active or failing source due now and starts a poll cycle. Returns how many are due. */
    public int refreshAll() {
        int due = QuarkusTransaction.requiringNew().call(() -> sources.makeActiveDue(now()));
        sourcesDue.fire(new SourcesDue(due));
        return due;
    }

    @Transactional
    public byte[] exportOpml() {
        List<OpmlCodec.Subscription> subscriptions = sources.listAll().stream()
                .map(s -> new OpmlCodec.Subscription(s.url, s.displayTitle(), s.siteUrl,
                        s.topics.stream().sorted(Comparator.comparing((Topic t) -> t.label.toLowerCase())).map(t -> t.label).toList()))
                .toList();
        return OpmlCodec.write(config.publish().siteTitle() + " — langganan", subscriptions, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The poller's clock is moved in tests; a source's own times are the wall clock's, at the database's precision. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private Source find(long id) {
        return sources.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("no source with id " + id));
    }

    /** A topic by slug when one has it, else by label (created on first use). */
    private List<Topic> resolveTopics(List<String> names) {
        List<Topic> result = new ArrayList<>();
        for (String name : names) {
            Optional<Topic> bySlug = topics.findBySlug(name.strip());
            result.add(bySlug.orElseGet(() -> topics.findOrCreate(name)));
        }
        return result;
    }

    private static List<String> checkTopics(List<String> names) {
        if (names == null) {
            return List.of();
        }
        if (names.size() > MAX_TOPICS) {
            throw ProblemException.invalid("invalid-source", "at most " + MAX_TOPICS + " topics").with("field", "topics");
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || Slugs.of(name).isEmpty()) {
                throw ProblemException.invalid("invalid-source", "topic \"" + name + "\" has no letters or digits")
                        .with("field", "topics[" + i + "]");
            }
        }
        return names;
    }

    private static String checkTitle(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String t = title.strip();
        if (t.length() > MAX_TITLE) {
            throw ProblemException.invalid("invalid-source", "a title has at most " + MAX_TITLE + " characters").with("field", "title");
        }
        return t;
    }

    private static ProblemException duplicate(Source existing) {
        return ProblemException.conflict("duplicate-source",
                "source " + existing.id + " already follows " + existing.url)
                .with("existing", Map.of("id", existing.id, "url", existing.url, "title", existing.displayTitle()));
    }

    private SourceView view(Source s, List<SourceView.TopicRef> topicRefs) {
        boolean custom = s.retentionMaxEntries != null || s.retentionMaxAgeDays != null;
        SourceView.Retention retention = new SourceView.Retention(
                s.retentionMaxEntries != null ? s.retentionMaxEntries : config.poll().retentionMaxEntries(),
                s.retentionMaxAgeDays != null ? s.retentionMaxAgeDays : config.poll().retentionMaxAge().toDays(), custom);
        return new SourceView(s.id, s.url, s.displayTitle(), s.title, s.siteUrl, s.state.dbValue(), s.state == SourceState.PAUSED,
                topicRefs, s.entryCount, s.lastFetchedAt, s.lastSuccessAt, s.lastStatus, s.lastOutcome, s.consecutiveErrors, s.lastError,
                s.nextPollAt, s.pollIntervalSeconds, retention, s.createdAt, s.fullText, s.fullTextFetched, s.fullTextFailures);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
