package dev.warta.topic;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.warta.FeedKey;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "topic")
public class Topic extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String label;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** This topic's feed, whose version {@code feed_version} counts. */
    public FeedKey feedKey() {
        return FeedKey.topic(id);
    }
}
