package dev.warta.article;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/** Takes what is never article text out of a copy of the article's container: ads, scripts, share widgets, pagers. */
final class BodyCleaner {

    /** Never article text. */
    private static final String JUNK_TAGS = "script, style, noscript, iframe, ins, form, button, input, select, textarea,"
            + " svg, canvas, object, embed, video, audio, link, meta, template, nav, aside";
    /** Words in a class or id that mark ads, share widgets, pagination, comment boxes and the like. */
    private static final Pattern JUNK_WORD = Pattern.compile("(?i)^(ad|ads|adv|advert|advertisement|advertorial|iklan|banner|"
            + "promo|sponsor|sponsored|dfp|gpt|adsbygoogle|share|sharing|sharer|social|sosmed|paging|pagination|pager|"
            + "comment|comments|komentar|newsletter|subscribe|langganan|outbrain|taboola|mgid|related|terkait|"
            + "populer|popular|recommended|rekomendasi|breadcrumb|breadcrumbs|tagcloud\\d*|tags)$");

    private BodyCleaner() {
    }

    /** A copy of the container without the furniture; the page itself is left as it is. */
    static Element cleanCopy(Element container) {
        Element copy = container.clone();
        copy.select(JUNK_TAGS).remove();
        for (Element e : copy.select("*")) {
            // A "related" box may be the very "Baca juga" paragraph the links come from.
            if (e != copy && e.parent() != null && isJunk(e) && !isRelated(e)) {
                e.remove();
            }
        }
        return copy;
    }

    /** Whether an element's class or id names it as an ad, a widget or other furniture. */
    static boolean isJunk(Element e) {
        if (e.id().toLowerCase(Locale.ROOT).startsWith("div-gpt-ad")) {
            return true;
        }
        for (String name : e.classNames()) {
            if (anyJunkWord(name)) {
                return true;
            }
        }
        return anyJunkWord(e.id());
    }

    private static boolean anyJunkWord(String name) {
        for (String word : name.split("[-_\\s]+")) {
            if (!word.isEmpty() && JUNK_WORD.matcher(word).matches()) {
                return true;
            }
        }
        return false;
    }

    static boolean isRelated(Element e) {
        return NewsroomMarkers.classify(PlainText.spaces(e.text())) instanceof NewsroomMarkers.Related;
    }
}
