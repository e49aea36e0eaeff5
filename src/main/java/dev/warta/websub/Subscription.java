package dev.warta.websub;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A verified WebSub subscription: who is pushed which feed, until when, and how pushing it goes. */
@Entity
@Table(name = "websub_subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String callback;

    /** The feed URL as subscribed; its format and size are part of it. */
    @Column(nullable = false)
    public String topic;

    /** The {@code feed_version} key the topic follows. */
    @Column(name = "feed_key", nullable = false)
    public String feedKey;

    /** HMAC key for {@code X-Hub-Signature}; null when the subscriber gave none. */
    public String secret;

    @Column(name = "lease_seconds", nullable = false)
    public int leaseSeconds;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "verified_at", nullable = false)
    public Instant verifiedAt;

    @Column(name = "delivered_version", nullable = false)
    public long deliveredVersion;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;
}
