package dev.warta.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.warta.ProblemException;
import dev.warta.topic.Slugs;

/**
 * The subscriptions an OPML document asks for: one per feed address (normalised), an address listed under
 * several folders gets them all, and each outline Warta cannot follow is set aside with what is wrong and
 * where it stood. No database here.
 */
record OpmlSubscriptions(List<Subscription> wanted, List<OpmlImport.Rejected> rejected) {

    /** One address to follow, with the topics every outline that lists it gives it. */
    record Subscription(String url, String title, String siteUrl, List<String> topics) {
    }

    static OpmlSubscriptions of(List<OpmlCodec.OpmlSource> outlines) {
        Map<String, Subscription> merged = new LinkedHashMap<>();
        List<OpmlImport.Rejected> rejected = new ArrayList<>();
        for (OpmlCodec.OpmlSource o : outlines) {
            String url;
            try {
                url = SourceUrls.normalize(o.url(), "xmlUrl");
            } catch (ProblemException e) {
                rejected.add(new OpmlImport.Rejected(o.url(), e.getMessage(), o.line(), o.position()));
                continue;
            }
            List<String> topics = o.topics().stream().filter(t -> !Slugs.of(t).isEmpty()).distinct().toList();
            if (topics.size() > SourceService.MAX_TOPICS) {
                rejected.add(new OpmlImport.Rejected(o.url(), "an outline has at most " + SourceService.MAX_TOPICS
                        + " topics (its folders and categories), this one " + topics.size(), o.line(), o.position()));
                continue;
            }
            merged.merge(url, new Subscription(url, title(o.title()), siteUrl(o.siteUrl()), topics), OpmlSubscriptions::both);
        }
        return new OpmlSubscriptions(List.copyOf(merged.values()), List.copyOf(rejected));
    }

    /** The first listing's title and site; the topics of both. */
    private static Subscription both(Subscription first, Subscription again) {
        Set<String> topics = new LinkedHashSet<>(first.topics());
        topics.addAll(again.topics());
        return new Subscription(first.url(), first.title(), first.siteUrl() != null ? first.siteUrl() : again.siteUrl(),
                List.copyOf(topics));
    }

    private static String title(String title) {
        return title == null || title.length() <= SourceService.MAX_TITLE ? title : title.substring(0, SourceService.MAX_TITLE);
    }

    /** A site address is shown and exported, never fetched: one too long to be an address is left out. */
    private static String siteUrl(String siteUrl) {
        return siteUrl == null || siteUrl.length() > SourceUrls.MAX_LENGTH ? null : siteUrl;
    }
}
