package dev.warta.source;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import dev.warta.topic.Topic;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An upstream feed Warta follows. Poll state is written by the poller, settings by the API. */
@Entity
@Table(name = "source")
public class Source extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Where the feed is fetched; a permanent redirect (301/308) moves it. */
    @Column(nullable = false)
    public String url;

    /** The feed's own title, refreshed at every successful read. */
    public String title;

    /** A title given by a user; shown instead of the feed's own. */
    @Column(name = "custom_title")
    public String customTitle;

    @Column(name = "site_url")
    public String siteUrl;

    @Column(nullable = false)
    public SourceState state;

    /** Validators exactly as the upstream sent them, for the next conditional GET. */
    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "last_fetched_at")
    public Instant lastFetchedAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_outcome")
    public String lastOutcome;

    @Column(name = "consecutive_errors", nullable = false)
    public int consecutiveErrors;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_poll_at")
    public Instant nextPollAt;

    @Column(name = "poll_interval_seconds")
    public Integer pollIntervalSeconds;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "retention_max_entries")
    public Integer retentionMaxEntries;

    @Column(name = "retention_max_age_days")
    public Integer retentionMaxAgeDays;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** Entries stored from this source, kept by triggers on {@code entry} (V61); never written from here. */
    @Column(name = "entry_count", insertable = false, updatable = false)
    public long entryCount;

    /** Each new item's page is fetched and read, its body stored as the entry's content (issue 10). */
    @Column(name = "full_text", nullable = false)
    public boolean fullText;

    /** Item pages read and stored, kept by triggers on {@code full_text_page} (V88); never written from here. */
    @Column(name = "full_text_fetched", insertable = false, updatable = false)
    public long fullTextFetched;

    /** Item pages that could not be read (their items keep the feed's summary), kept like {@link #fullTextFetched}. */
    @Column(name = "full_text_failures", insertable = false, updatable = false)
    public long fullTextFailures;

    @ManyToMany
    @JoinTable(name = "source_topic",
            joinColumns = @JoinColumn(name = "source_id"),
            inverseJoinColumns = @JoinColumn(name = "topic_id"))
    public Set<Topic> topics = new LinkedHashSet<>();

    public String displayTitle() {
        return customTitle != null ? customTitle : title != null ? title : url;
    }
}
