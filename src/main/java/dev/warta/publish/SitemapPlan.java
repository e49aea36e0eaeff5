package dev.warta.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How sitemap.xml is cut at one site version: its URLs in one order (home, the topics by label, then every article
 * by id), how many there are and, when they are more than one document may hold, where each page's articles start.
 * Made once per version, so that rendering any page is one keyset read of its articles.
 *
 * @param head      the home page and the topic pages
 * @param articles  how many article pages follow them
 * @param maxUrls   URLs per document ({@code warta.publish.sitemap-max-urls})
 * @param starts    article position (0-based) → id of that article, for each page's first article
 */
record SitemapPlan(long generation, long version, List<SitemapWriter.Url> head, long articles, int maxUrls,
        Map<Long, Long> starts) {

    /** One page's share: head URLs, and {@code articleCount} articles from the one at {@code articleFrom}. */
    record Slice(List<SitemapWriter.Url> head, long articleFrom, int articleCount) {
    }

    long total() {
        return head.size() + articles;
    }

    /** More URLs than one document may hold: sitemap.xml is an index of pages. */
    boolean isIndex() {
        return total() > maxUrls;
    }

    int pages() {
        return isIndex() ? (int) ((total() + maxUrls - 1) / maxUrls) : 1;
    }

    /** Page {@code page} (from 1) of the URLs: a whole sitemap when it is not an index. */
    Slice slice(int page) {
        long from = (long) (page - 1) * maxUrls;
        long to = Math.min(from + maxUrls, total());
        int h = head.size();
        List<SitemapWriter.Url> heads = head.subList((int) Math.min(from, h), (int) Math.min(to, h));
        long articleFrom = Math.max(from, h) - h;
        int count = (int) Math.max(0, to - Math.max(from, h));
        return new Slice(heads, articleFrom, count);
    }

    /** The article position each page starts its articles at (what {@link #starts} must hold). */
    static List<Long> startPositions(int headSize, long articles, int maxUrls) {
        List<Long> positions = new ArrayList<>();
        long total = headSize + articles;
        for (long from = 0; from < total; from += maxUrls) {
            long articleFrom = Math.max(from, headSize) - headSize;
            if (articleFrom < articles && (positions.isEmpty() || positions.get(positions.size() - 1) != articleFrom)) {
                positions.add(articleFrom);
            }
        }
        return positions;
    }
}
