package dev.warta;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every Warta setting, with its default. {@code application.properties} only overrides these per
 * profile; operators set them with environment variables ({@code WARTA_PUBLIC_URL}, ...).
 */
@ConfigMapping(prefix = "warta")
public interface WartaConfig {

    /**
     * Absolute base URL under which readers reach Warta, e.g. {@code https://warta.example.id}. Used for
     * feed ids, {@code rel="self"} links and page links. When unset, it is taken from each request's
     * {@code Host} (and {@code X-Forwarded-*} when {@code quarkus.http.proxy.*} trusts a proxy).
     */
    Optional<URI> publicUrl();

    Admin admin();

    Db db();

    Samples samples();

    Ingest ingest();

    Publish publish();

    Fetch fetch();

    Poll poll();

    Websub websub();

    Fulltext fulltext();

    interface Admin {
        /**
         * Bearer tokens accepted on {@code /api/**}, comma-separated. Required in production: Warta refuses
         * to start in the prod profile without one.
         */
        Optional<List<String>> tokens();

        /** How long an editor stays signed in on {@code /admin} without using it. */
        @WithDefault("8h")
        Duration sessionIdleTimeout();

        /** Longest an {@code /admin} sign-in lasts, however busy the editor. */
        @WithDefault("24h")
        Duration sessionMaxAge();

        /** Bounds on failed sign-ins, on {@code /admin/login} and with bearer tokens on {@code /api/**} alike. */
        SignIn signIn();
    }

    /**
     * Failed sign-ins are counted in the database over a sliding window, per client address and overall; past a
     * bound every try (a right token too) is answered 429 with {@code Retry-After} until old failures leave the window.
     */
    interface SignIn {
        /** Failed sign-ins one client address (an IPv6 client: its /64) may make within the window. */
        @WithDefault("10")
        int maxFailures();

        /** Failed sign-ins from all addresses together within the window (a guess spread over many addresses). */
        @WithDefault("100")
        int maxFailuresOverall();

        /** How long a failed sign-in counts. */
        @WithDefault("15m")
        Duration window();
    }

    /** The embedded PostgreSQL, started only when {@code quarkus.datasource.jdbc.url} is not set. */
    interface Db {
        /** Data directory of the embedded PostgreSQL; created and initialised on first start. */
        @WithDefault(dev.warta.db.EmbeddedPostgresSettings.DEFAULT_DATA_DIR)
        String dataDir();

        /** A throwaway data directory in the temp folder, deleted on shutdown (tests). */
        @WithDefault("false")
        boolean ephemeral();

        /** TCP port on 127.0.0.1; 0 picks a free one at each start. */
        @WithDefault("0")
        int port();

        /** The embedded server's shared_buffers. */
        @WithDefault(dev.warta.db.EmbeddedPostgresSettings.DEFAULT_SHARED_BUFFERS)
        String sharedBuffers();

        /** The embedded server's work_mem (per sort or hash of a query). */
        @WithDefault(dev.warta.db.EmbeddedPostgresSettings.DEFAULT_WORK_MEM)
        String workMem();

        /** The embedded server's max_connections; 0: twice the pool size plus a few spare. */
        @WithDefault(dev.warta.db.EmbeddedPostgresSettings.DEFAULT_MAX_CONNECTIONS)
        int maxConnections();
    }

    interface Samples {
        /** Import the bundled sample article at start-up when the database has no entries yet. */
        @WithDefault("false")
        boolean importOnStart();
    }

    interface Ingest {
        /** Largest article body accepted by {@code POST /api/articles}, in bytes. */
        @WithDefault("1048576")
        int maxArticleBytes();

        /**
         * Largest article page accepted, posted as {@code text/html} or fetched from a URL (each page of a
         * multi-page article), in bytes. News pages carry far more markup than text, hence a limit of its own.
         */
        @WithDefault("5242880")
        int maxPageBytes();

        /** Pages of a multi-page article ("Halaman selanjutnya") read at most, the first included. */
        @WithDefault("10")
        int maxPages();
    }

    interface Publish {
        /** Entries per feed when the request names no {@code limit}. */
        @WithDefault("50")
        int defaultLimit();

        /** Largest {@code limit} a feed request may ask for. */
        @WithDefault("200")
        int maxLimit();

        /** Title of the feed that holds every entry. */
        @WithDefault("Warta")
        String siteTitle();

        /** Seconds caches and readers may reuse a feed without asking again ({@code Cache-Control: max-age}). */
        @WithDefault("300")
        int maxAge();

        /**
         * Seconds browsers and caches may reuse an HTML page without asking again: shorter than feeds', since a reader
         * coming back expects the news of the minute (and asks with its validator, answered 304 when nothing moved).
         */
        @WithDefault("60")
        int pageMaxAge();

        /** Memory for rendered feeds and pages (plain and gzip bytes), least recently used dropped first (64 MiB). */
        @WithDefault("67108864")
        long cacheMaxBytes();

        /**
         * URLs one sitemap document may hold (the protocol's bound is 50,000): past it, {@code /sitemap.xml} is an index
         * of pages {@code /sitemap.xml?page=N} of this many URLs each. Lower only to see the index with few entries.
         */
        @WithDefault("50000")
        int sitemapMaxUrls();
    }

    /** Outgoing HTTP on behalf of users: upstream feeds, pages to ingest, WebSub callbacks. */
    interface Fetch {
        /**
         * Refuse loopback, private, link-local, CGNAT, multicast and other non-public addresses. Turning this
         * off lets anyone with an admin token make Warta reach internal services; allow networks instead.
         */
        @WithDefault("true")
        boolean addressGuard();

        /** CIDR networks exempt from the address guard, comma-separated (e.g. a feed bridge on this host). */
        Optional<List<String>> allowedNetworks();

        /** Time to establish a TCP (and TLS) connection. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** Longest wait for the next bytes of an answer. */
        @WithDefault("30s")
        Duration readTimeout();

        /** Longest a whole fetch may take, redirects and body included: a server that drips cannot hold on. */
        @WithDefault("60s")
        Duration totalDeadline();

        /** Largest answer body accepted, after decompression (10 MiB). */
        @WithDefault("10485760")
        long maxBodyBytes();

        /** Redirects followed before giving up. */
        @WithDefault("5")
        int maxRedirects();
    }

    /** Polling upstream feeds (sources): schedule, politeness, retention. */
    interface Poll {
        /** Run the periodic poller. Off, sources are fetched only on creation and by refresh. */
        @WithDefault("true")
        boolean enabled();

        /** How often the poller looks for due sources. */
        @WithDefault("10s")
        Duration tick();

        /** Shortest interval between two polls of a source, whatever it publishes. */
        @WithDefault("15m")
        Duration minInterval();

        /** Longest interval between two polls of a source, and the cap of error backoff. */
        @WithDefault("24h")
        Duration maxInterval();

        /** Interval for a source whose entries carry no dates to learn from. */
        @WithDefault("1h")
        Duration defaultInterval();

        /** Longest wait a {@code Retry-After} can impose. */
        @WithDefault("7d")
        Duration maxRetryAfter();

        /** Fetches running at once in this process. */
        @WithDefault("8")
        int maxConcurrent();

        /**
         * Fetches running at once against one host (by name; its ports share the bound), counted for every Warta
         * process on the database: polls, refreshes and the page fetches of URL ingest.
         */
        @WithDefault("2")
        int maxPerHost();

        /** Sources claimed per database round trip. */
        @WithDefault("50")
        int claimBatch();

        /** How long a claim keeps other pollers off a source; a crashed poller's claims expire after it. */
        @WithDefault("10m")
        Duration lease();

        /** Entries kept per source, newest first (a source can override it). */
        @WithDefault("1000")
        int retentionMaxEntries();

        /** Age (by publication date) after which an aggregated entry is removed (a source can override it). */
        @WithDefault("90d")
        Duration retentionMaxAge();

        /**
         * A source's newest entries kept whatever their age, at most its maximum number: age-based retention never
         * removes them, and a first fetch of a feed whose items are all older than the maximum age stores that many.
         */
        @WithDefault("50")
        int retentionMinEntries();

        /** Largest OPML document accepted by the import. */
        @WithDefault("5242880")
        int maxOpmlBytes();
    }

    /** The WebSub hub at {@code /websub}, and pushing feeds to its subscribers. */
    interface Websub {
        /** Lease granted when a subscriber asks for none ({@code hub.lease_seconds}). */
        @WithDefault("10d")
        Duration defaultLease();

        /** Shortest lease granted; shorter requests are raised to this. */
        @WithDefault("1h")
        Duration minLease();

        /** Longest lease granted; longer requests are cut to this. */
        @WithDefault("30d")
        Duration maxLease();

        /** Wait before the first retry of a failed delivery; doubled after each failure. */
        @WithDefault("1m")
        Duration retryInitial();

        /** Longest wait between two retries. */
        @WithDefault("1h")
        Duration retryMax();

        /** How long a failing delivery is retried before that content is given up for the subscriber. */
        @WithDefault("24h")
        Duration retryFor();

        /** How often due deliveries and expired leases are looked for (changes also start a run at once). */
        @WithDefault("15s")
        Duration sweepInterval();

        /** Another hub to ping ({@code hub.mode=publish}) when a feed changes, e.g. a public WebSub hub. */
        Optional<URI> externalHub();
    }

    /** Reading the pages of new items from sources set to {@code fullText} (summary-only feeds). */
    interface Fulltext {
        /** Pages one run of the full-text worker claims (a run follows every ingest that wants pages, and each sweep). */
        @WithDefault("20")
        int maxPerTick();

        /** Pages of one host among them; the rest wait for a later run. Fetches also hold the host's poll slot. */
        @WithDefault("4")
        int maxPerHost();

        /** How often pages left pending (by another process, a restart, a full run) are looked for. */
        @WithDefault("30s")
        Duration sweepInterval();

        /** How long a claimed page is held; a claim whose holder stopped before its result counts as failed then. */
        @WithDefault("10m")
        Duration lease();
    }
}
