package dev.warta.source;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import dev.warta.ProblemException;
import dev.warta.topic.TopicService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * {@code POST /api/sources/opml}: a subscription list in, in one transaction of a fixed number of statements
 * whatever its length (one per distinct topic name, then the sources and their topics set-based), so that
 * a desk moving 10,000 subscriptions from another reader gets its answer in seconds. The new sources are due
 * at once; the poller is told after the commit ({@link SourcesDue}).
 */
@ApplicationScoped
public class OpmlImport {

    /** What an import did: sources created and already followed, every listed source's id, outlines set aside. */
    public record ImportResult(int created, int existing, List<Long> sources, List<Rejected> rejected) {
    }

    /**
     * An outline that was not imported: its {@code xmlUrl} as written, why, the line of its tag, and its place
     * among the document's outlines with an {@code xmlUrl} (1 for the first).
     */
    public record Rejected(String url, String problem, int line, int outline) {
    }

    private final SourceRepository sources;
    private final SourceTopicRepository sourceTopics;
    private final TopicService topics;
    private final Event<SourcesDue> sourcesDue;

    OpmlImport(SourceRepository sources, SourceTopicRepository sourceTopics, TopicService topics, Event<SourcesDue> sourcesDue) {
        this.sources = sources;
        this.sourceTopics = sourceTopics;
        this.topics = topics;
        this.sourcesDue = sourcesDue;
    }

    public ImportResult importOpml(byte[] body) {
        OpmlSubscriptions listed = OpmlSubscriptions.of(read(body));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Stored stored = QuarkusTransaction.requiringNew().call(() -> store(listed.wanted(), now));
        int existing = stored.ids().size() - stored.created();
        Log.infof("OPML import: %d new sources, %d already subscribed, %d outlines rejected", stored.created(), existing,
                listed.rejected().size());
        if (stored.created() > 0) {
            sourcesDue.fire(new SourcesDue(stored.created()));
        }
        return new ImportResult(stored.created(), existing, stored.ids(), listed.rejected());
    }

    private record Stored(int created, List<Long> ids) {
    }

    private static List<OpmlCodec.OpmlSource> read(byte[] body) {
        try {
            return OpmlCodec.read(body);
        } catch (OpmlCodec.OpmlException e) {
            ProblemException problem = ProblemException.invalid("invalid-opml", e.getMessage());
            if (e.line() > 0) {
                problem.with("line", e.line());
            }
            throw problem;
        }
    }

    /** Subscribes to the addresses not followed yet; every listed address gets its topics. */
    private Stored store(List<OpmlSubscriptions.Subscription> wanted, Instant now) {
        Map<String, Long> created = sources.insertMissing(wanted, now);
        List<String> others = wanted.stream().map(OpmlSubscriptions.Subscription::url).filter(u -> !created.containsKey(u)).toList();
        Map<String, Long> ids = new HashMap<>(sources.findIdsByUrl(others));
        ids.putAll(created);
        Map<String, Long> topicIds = resolveTopics(wanted);
        List<Long> pairSources = new ArrayList<>();
        List<Long> pairTopics = new ArrayList<>();
        List<Long> listed = new ArrayList<>();
        for (OpmlSubscriptions.Subscription s : wanted) {
            Long id = ids.get(s.url());
            if (id == null) {
                continue; // deleted by another request since the insert found it
            }
            listed.add(id);
            for (String topic : s.topics()) {
                pairSources.add(id);
                pairTopics.add(topicIds.get(topic));
            }
        }
        sourceTopics.addAll(pairSources, pairTopics);
        return new Stored(created.size(), listed);
    }

    /** Each distinct name once: a topic by slug when one has it, else by label (created on first use). */
    private Map<String, Long> resolveTopics(List<OpmlSubscriptions.Subscription> wanted) {
        Map<String, Long> ids = new HashMap<>();
        for (OpmlSubscriptions.Subscription s : wanted) {
            for (String name : s.topics()) {
                ids.computeIfAbsent(name, n -> topics.findBySlug(n.strip()).orElseGet(() -> topics.findOrCreate(n)).id);
            }
        }
        return ids;
    }
}
