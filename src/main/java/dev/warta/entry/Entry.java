package dev.warta.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import dev.warta.LeadImage;
import dev.warta.topic.Topic;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "entry")
public class Entry extends PanacheEntityBase {

    /** Given by ingest's id allocator, the only reader of {@code entry_id_seq}; entities are never inserted. */
    @Id
    public Long id;

    /** Stable public identity: the Atom {@code id} is {@code urn:uuid:<uid>}. */
    @Column(nullable = false, updatable = false)
    public UUID uid;

    @Column(nullable = false)
    public EntryKind kind;

    @Column(nullable = false)
    public String title;

    @Column(name = "title_key", nullable = false)
    public String titleKey;

    public String summary;

    @Column(name = "content_html")
    public String contentHtml;

    public String author;
    public String editor;
    public String reporter;
    public String publisher;
    public String city;
    public String credit;

    /** The article's own address when known (canonical URL); null for entries only Warta has a page for. */
    public String url;

    /** The article's lead image (absolute http(s) URL), when its page names one. */
    @Column(name = "image_url")
    public String imageUrl;

    /** What the source says of the lead image; each null when it does not say (or there is no image). */
    @Column(name = "image_type")
    public String imageType;

    @Column(name = "image_width")
    public Integer imageWidth;

    @Column(name = "image_height")
    public Integer imageHeight;

    @Column(name = "image_caption")
    public String imageCaption;

    @Column(name = "image_credit")
    public String imageCredit;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    /** {@code publishedAt} is only a day, stored as midnight in Asia/Jakarta: the source stated no time of day. */
    @Column(name = "published_day_only", nullable = false)
    public boolean publishedDayOnly;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "content_hash")
    public String contentHash;

    /** The upstream feed an aggregated entry came from; null for desk entries and once the source is deleted. */
    @Column(name = "source_id")
    public Long sourceId;

    /** Provenance kept on the entry so that it outlives the source: title, feed and site address of the upstream. */
    @Column(name = "source_title")
    public String sourceTitle;

    @Column(name = "source_feed_url")
    public String sourceFeedUrl;

    @Column(name = "source_site_url")
    public String sourceSiteUrl;

    @ManyToMany
    @JoinTable(name = "entry_topic",
            joinColumns = @JoinColumn(name = "entry_id"),
            inverseJoinColumns = @JoinColumn(name = "topic_id"))
    public Set<Topic> topics = new LinkedHashSet<>();

    @OneToMany(mappedBy = "entry", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<RelatedLink> related = new ArrayList<>();

    public boolean isStub() {
        return kind == EntryKind.STUB;
    }

    /** The lead image with what its source says of it, or null when the entry has none. */
    public LeadImage leadImage() {
        return imageUrl == null || imageUrl.isBlank() ? null
                : new LeadImage(imageUrl, imageType, imageWidth, imageHeight, imageCaption, imageCredit);
    }
}
