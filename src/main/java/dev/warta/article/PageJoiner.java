package dev.warta.article;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.warta.entry.Byline;
import dev.warta.ingest.TitleKey;

/**
 * The article the pages of a multi-page article make: metadata from the first page, the bodies and "Baca juga"
 * links of all of them in order (without links back to the article itself or repeats), the topic from an
 * "Artikel lain terkait" trailer on any page, else the first tag; the last page's credit, the first reporter
 * and city named.
 */
final class PageJoiner {

    private PageJoiner() {
    }

    static ArticleDraft join(List<HtmlArticleParser.Page> pages) {
        HtmlArticleParser.Page first = pages.get(0);
        StringBuilder bodies = new StringBuilder();
        List<String> topics = new ArrayList<>();
        String credit = null;
        String reporter = null;
        String city = null;
        for (HtmlArticleParser.Page p : pages) {
            if (p.bodyHtml() != null) {
                bodies.append(p.bodyHtml());
            }
            for (String t : p.trailerTopics()) {
                if (topics.stream().noneMatch(t::equalsIgnoreCase)) {
                    topics.add(t);
                }
            }
            credit = p.byline().credit() != null ? p.byline().credit() : credit;
            reporter = reporter != null ? reporter : p.byline().reporter();
            city = city != null ? city : p.byline().city();
        }
        List<String> tags = first.tags();
        if (topics.isEmpty() && !tags.isEmpty()) {
            topics.add(tags.get(0));
        }
        Byline byline = new Byline(first.byline().author() != null ? first.byline().author() : reporter,
                first.byline().editor(), reporter, first.byline().publisher(), city, credit);
        return new ArticleDraft(first.title(), first.summary(), byline, first.publishedAt(),
                bodies.length() == 0 ? null : bodies.toString(), related(pages), topics, first.canonicalUrl(),
                first.image(), first.modifiedAt(), tags, first.publishedDayOnly());
    }

    /** Every page's related articles once, in order, without those that are the article itself. */
    private static List<ArticleDraft.RelatedArticle> related(List<HtmlArticleParser.Page> pages) {
        String titleKey = pages.get(0).title() == null ? "" : TitleKey.of(pages.get(0).title());
        Set<String> ownAddresses = ownAddresses(pages);
        Set<String> seen = new LinkedHashSet<>();
        List<ArticleDraft.RelatedArticle> related = new ArrayList<>();
        for (HtmlArticleParser.Page p : pages) {
            for (ArticleDraft.RelatedArticle r : p.related()) {
                String key = TitleKey.of(r.title());
                boolean self = key.equals(titleKey) || (r.url() != null && ownAddresses.contains(r.url()));
                boolean again = !seen.add(key) || (r.url() != null && !seen.add(r.url()));
                if (!self && !again && !key.isEmpty()) {
                    related.add(r);
                }
            }
        }
        return related;
    }

    private static Set<String> ownAddresses(List<HtmlArticleParser.Page> pages) {
        Set<String> own = new LinkedHashSet<>();
        for (HtmlArticleParser.Page p : pages) {
            if (p.canonicalUrl() != null) {
                own.add(p.canonicalUrl());
            }
            if (p.address() != null) {
                PageUrls.normalize(p.address().toString()).ifPresent(own::add);
            }
        }
        return own;
    }
}
