package dev.warta.publish;

import java.time.Instant;
import java.util.List;

import dev.warta.FeedFormat;
import dev.warta.LeadImage;

/**
 * A feed as Warta publishes it, independent of format; the Atom, RSS and JSON Feed writers render this.
 * {@code path} is the feed's address without extension ({@code /feeds/topics/slug}); {@code hubs} the
 * WebSub hubs that push it (Warta's own first); {@code paging} where this page sits in the feed (RFC 5005).
 */
public record PublishedFeed(
        String id,
        String title,
        String subtitle,
        Instant updated,
        String baseUrl,
        String path,
        String htmlUrl,
        String language,
        String authorName,
        List<PublishedEntry> entries,
        List<String> hubs,
        Paging paging) {

    /** The feed's address in this format, without query: its first page at the default size. */
    public String url(FeedFormat format) {
        return baseUrl + path + format.extension();
    }

    /** This page's own address ({@code rel="self"}). */
    public String selfUrl(FeedFormat format) {
        return withQuery(format, paging.self());
    }

    public String firstUrl(FeedFormat format) {
        return withQuery(format, paging.first());
    }

    /** Older entries, or null on the last page. */
    public String nextUrl(FeedFormat format) {
        return paging.next() == null ? null : withQuery(format, paging.next());
    }

    /** Newer entries, or null on the first page. */
    public String previousUrl(FeedFormat format) {
        return paging.previous() == null ? null : withQuery(format, paging.previous());
    }

    /** A link a feed document and its {@code Link} header both carry; {@code type} is null for a hub. */
    public record NavigationLink(String rel, String href, String type) {
    }

    /**
     * The hubs, this page ({@code self}) and the paged-feed links (RFC 5005: {@code first}, and
     * {@code previous}/{@code next} where such pages exist), in the order every format writes them.
     */
    public List<NavigationLink> navigation(FeedFormat format) {
        List<NavigationLink> links = new java.util.ArrayList<>();
        hubs.forEach(hub -> links.add(new NavigationLink("hub", hub, null)));
        links.add(new NavigationLink("self", selfUrl(format), format.mediaType()));
        links.add(new NavigationLink("first", firstUrl(format), format.mediaType()));
        if (previousUrl(format) != null) {
            links.add(new NavigationLink("previous", previousUrl(format), format.mediaType()));
        }
        if (nextUrl(format) != null) {
            links.add(new NavigationLink("next", nextUrl(format), format.mediaType()));
        }
        return links;
    }

    /**
     * The same feed in the other formats, for the {@code Link} header only: the document itself has one
     * {@code rel="alternate"}, the topic's HTML page, so that readers do not take a sibling format for the site.
     * They are the same variant ({@code q=}, {@code stubs=false}).
     */
    public List<NavigationLink> otherFormats(FeedFormat format) {
        return java.util.Arrays.stream(FeedFormat.values()).filter(f -> f != format)
                .map(f -> new NavigationLink("alternate", withQuery(f, paging.variant()), f.mediaType())).toList();
    }

    private String withQuery(FeedFormat format, String query) {
        return query == null || query.isEmpty() ? url(format) : url(format) + "?" + query;
    }

    /**
     * Query strings (without {@code ?}) of this page, the first page, and the pages next to it; empty for
     * the plain feed address, null where there is no such page. {@code variant} is what names the feed beside its
     * path and every page keeps ({@code q=…}, {@code stubs=false}), {@code ""} for a plain feed.
     */
    public record Paging(String self, String first, String next, String previous, String variant) {
        public static final Paging SINGLE = new Paging("", "", null, null);

        public Paging(String self, String first, String next, String previous) {
            this(self, first, next, previous, "");
        }
    }

    public record PublishedEntry(
            String id,
            String title,
            String link,
            Instant published,
            Instant updated,
            String author,
            List<String> contributors,
            String summary,
            String contentHtml,
            List<Category> categories,
            List<Related> related,
            boolean stub,
            List<String> linkedFrom,
            LeadImage image,
            PublishedSource source) {

        /** Atom/RSS {@code category} (and its scheme) that marks a stub as a related article, not an article. */
        public static final String RELATED_TERM = "related";
        public static final String RELATED_SCHEME = "urn:warta:entry-kind";
        public static final String RELATED_LABEL = "Artikel terkait";

        /**
         * The summary a feed shows: an article's own; for a stub, that it is a related article of the articles that
         * link it, by their titles (then its own lede, if any), so no reader takes a title alone for an article.
         */
        public String feedSummary() {
            if (!stub) {
                return summary;
            }
            String note = linkedFrom.isEmpty() ? RELATED_LABEL + "." : RELATED_LABEL + " dari " + titles(linkedFrom) + ".";
            return summary == null ? note : note + " " + summary;
        }

        private static String titles(List<String> titles) {
            List<String> quoted = titles.stream().map(t -> "\u201c" + t + "\u201d").toList();
            if (quoted.size() == 1) {
                return quoted.get(0);
            }
            return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " dan " + quoted.get(quoted.size() - 1);
        }

        /** The lead image's address, or null. */
        public String imageUrl() {
            return LeadImage.urlOf(image);
        }

        /** The enclosure's media type (RSS requires one): the known one, else {@code image/jpeg}, as news images mostly are. */
        public String imageType() {
            String known = knownImageType();
            return known != null ? known : "image/jpeg";
        }

        /** The image's media type as its source states it or its file name tells; null when neither does. */
        public String knownImageType() {
            return image == null ? null : image.knownType();
        }
    }

    /**
     * The upstream feed an aggregated entry came from (Atom {@code source}, RFC 4287 §4.2.11).
     *
     * @param id      the upstream feed's identity (its address)
     * @param feedUrl the feed's address ({@code rel="self"})
     * @param siteUrl the site's address ({@code rel="alternate"}), when known
     */
    public record PublishedSource(String id, String title, String feedUrl, String siteUrl) {
    }

    /** A topic the entry is in: {@code term} is its slug, {@code label} its name, {@code scheme} the topics' base. */
    public record Category(String term, String label, String scheme) {
    }

    public record Related(String title, String href) {
    }
}
