package dev.warta.poll;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

import dev.warta.Digests;
import dev.warta.LeadImage;
import dev.warta.ingest.ItemDraft;

/**
 * Turns an entry as a reader found it into the {@link ItemDraft} ingest stores, the same way for every
 * format: titles as plain text, dates clamped to the fetch time, an id for items that state none, links
 * made absolute, summaries as short plain text.
 */
final class DraftNormalizer {

    /** An upstream entry as read, before normalisation; {@code link} and the image's address are already absolute. */
    record RawItem(String id, String title, String link, String summary, String contentHtml, String author,
            StatedDates stated, List<String> categories, LeadImage image) {
    }

    private static final int SUMMARY_CHARS = 600;
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(script|style|noscript|template)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "(?i)</?(p|br|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|pre|figure|figcaption|hr|section|article)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    private DraftNormalizer() {
    }

    /** @param now the fetch time: date of undated items, cap of future dates */
    static ItemDraft draft(RawItem raw, Instant now) {
        StatedDates stated = raw.stated();
        Instant published = stated.published() != null ? stated.published() : stated.updated() != null ? stated.updated() : now;
        if (published.isAfter(now)) {
            published = now;
        }
        Instant updated = stated.updated() != null && stated.updated().isAfter(published) ? stated.updated() : published;
        if (updated.isAfter(now)) {
            updated = now;
        }
        String title = plainTitle(raw.title());
        String guid = firstNonBlank(raw.id(), raw.link());
        if (guid == null) {
            // Neither id nor link: the item is known by what it says. The stated date, not the fetch time,
            // so that the key is the same at every fetch.
            guid = "sha256:" + Digests.sha256Hex(nullToEmpty(title) + '\u001f'
                    + (stated.published() == null ? "" : stated.published().toString())
                    + '\u001f' + nullToEmpty(raw.contentHtml() != null ? raw.contentHtml() : raw.summary()));
        }
        String shownTitle = title;
        if (shownTitle == null) {
            shownTitle = raw.summary() != null ? shorten(raw.summary(), 120) : raw.link() != null ? raw.link() : "(tanpa judul)";
        }
        return new ItemDraft(guid.strip(), shownTitle, raw.link(), raw.summary(), raw.contentHtml(), blankToNull(raw.author()),
                published, updated, raw.categories(), raw.image());
    }

    /** Titles are plain text: markup some feeds put there is removed, entities decoded, spaces collapsed. */
    static String plainTitle(String title) {
        if (title == null) {
            return null;
        }
        String text = title.indexOf('<') >= 0 || title.indexOf('&') >= 0 ? Jsoup.parseBodyFragment(title).text() : title;
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * Plain text of an HTML fragment, for summaries. Not a sanitizer (summaries are text and escaped on
     * output): tags are dropped and entities decoded, far cheaper than building a DOM per entry.
     */
    static String summary(String html) {
        String text = html;
        if (text.indexOf('<') >= 0) {
            text = INVISIBLE.matcher(text).replaceAll(" ");
            text = BLOCK_TAG.matcher(text).replaceAll(" ");
            text = TAG.matcher(text).replaceAll("");
        }
        if (text.indexOf('&') >= 0) {
            text = Parser.unescapeEntities(text, false);
        }
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return text.isEmpty() ? null : shorten(text, SUMMARY_CHARS);
    }

    private static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }

    /** {@code href} resolved against {@code base}; null unless it is an http(s) address. */
    static String absolute(String href, URI base) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String h = href.strip().replace(" ", "%20");
        try {
            URI uri = new URI(h);
            if (!uri.isAbsolute()) {
                uri = base.resolve(uri);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? uri.toString() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b != null && !b.isBlank() ? b.strip() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
