package dev.warta.web;

import java.util.Arrays;
import java.util.List;

import dev.warta.FeedFormat;
import dev.warta.SiteUrls;

/** A feed a page advertises ({@code <link rel="alternate">}) and offers as a subscribe button. */
public record FeedLink(String title, String type, String href) {

    /** The format's short name, for subscribe buttons. */
    public String format() {
        return Arrays.stream(FeedFormat.values()).filter(f -> f.mediaType().equals(type)).findFirst()
                .map(FeedLink::name).orElse(type);
    }

    private static String name(FeedFormat format) {
        return switch (format) {
            case ATOM -> "Atom";
            case RSS -> "RSS";
            case JSON -> "JSON Feed";
        };
    }

    /** The feeds of every entry, as every page that has no topic of its own advertises them. */
    public static List<FeedLink> site(String base, String siteTitle) {
        return of(base, null, siteTitle);
    }

    /** A topic's feeds, in every format. */
    public static List<FeedLink> topic(String base, String slug, String label) {
        return of(base, slug, label);
    }

    private static List<FeedLink> of(String base, String slug, String title) {
        SiteUrls urls = SiteUrls.at(base);
        return Arrays.stream(FeedFormat.values())
                .map(f -> new FeedLink(title + " (" + name(f) + ")", f.mediaType(), urls.feed(slug, f))).toList();
    }
}
