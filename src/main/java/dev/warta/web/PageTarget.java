package dev.warta.web;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.warta.ProblemException;
import dev.warta.SiteUrls;
import dev.warta.entry.Cursor;
import dev.warta.entry.ListPage;
import dev.warta.publish.FeedTarget;

/**
 * Which HTML page a request names, with the base URL its links start with; as a value it is the page's key in the
 * render cache (a page is rendered per base URL, as feeds are).
 */
public sealed interface PageTarget permits PageTarget.Home, PageTarget.TopicPage, PageTarget.EntryPage,
        PageTarget.FeedPage {

    /** Entries on a topic page. */
    int TOPIC_ENTRIES = 50;

    String base();

    /** {@code /}: every topic with its newest entries. */
    record Home(String base) implements PageTarget {
    }

    /** {@code /topics/<slug>}: a page of the topic's entries, newest first, linking the pages next to it. */
    record TopicPage(String slug, ListPage page, String base) implements PageTarget {
    }

    /** {@code /entries/<id>}: an entry, or a stub with the articles that name it. */
    record EntryPage(long id, String base) implements PageTarget {
    }

    /**
     * A feed's address opened by a browser: the page of the same entries the feed document holds, saying how to
     * subscribe; kept apart from the feed's own bytes in the cache by being another key.
     */
    record FeedPage(FeedTarget feed) implements PageTarget {
        @Override
        public String base() {
            return feed.base();
        }
    }

    Pattern TOPIC = Pattern.compile(Pattern.quote(SiteUrls.TOPIC_PAGES) + "([a-z0-9]+(?:-[a-z0-9]+)*)");
    Pattern ENTRY = Pattern.compile(Pattern.quote(SiteUrls.ENTRY_PAGES) + "(\\d{1,18})");

    /**
     * The page a path names, empty when it names none.
     *
     * @throws ProblemException invalid (field {@code before} or {@code after}) for a cursor no page link gave
     */
    static Optional<PageTarget> parse(String path, Function<String, String> param, String base) {
        if (path.equals("/")) {
            return Optional.of(new Home(base));
        }
        Matcher topic = TOPIC.matcher(path);
        if (topic.matches()) {
            return Optional.of(new TopicPage(topic.group(1), page(param), base));
        }
        Matcher entry = ENTRY.matcher(path);
        return entry.matches() ? Optional.of(new EntryPage(Long.parseLong(entry.group(1)), base)) : Optional.empty();
    }

    private static ListPage page(Function<String, String> param) {
        String before = param.apply("before");
        String after = param.apply("after");
        if (before != null && after != null) {
            throw ProblemException.invalid("invalid-parameter", "give before or after, not both").with("field", "after");
        }
        return new ListPage(TOPIC_ENTRIES, cursor(before, "before"), cursor(after, "after"));
    }

    private static Cursor cursor(String value, String field) {
        if (value == null) {
            return null;
        }
        return Cursor.parse(value).orElseThrow(() -> ProblemException.invalid("invalid-parameter",
                field + " must be a cursor from a link of this page").with("field", field));
    }
}
