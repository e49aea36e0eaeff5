package dev.warta.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.warta.FeedFormat;
import dev.warta.entry.Cursor;

class HttpValidatorsTest {

    static final String ETAG = "\"abc\"";
    static final long LAST_MODIFIED = 1_671_382_800L; // Sun, 18 Dec 2022 17:00:00 GMT

    @Test
    void ifNoneMatchDecidesAloneWhenPresent() {
        assertThat(HttpValidators.notModified(ETAG, null, ETAG, LAST_MODIFIED)).isTrue();
        assertThat(HttpValidators.notModified("\"x\"", "Sun, 18 Dec 2022 18:00:00 GMT", ETAG, LAST_MODIFIED)).isFalse();
        assertThat(HttpValidators.notModified(ETAG, "Sat, 17 Dec 2022 00:00:00 GMT", ETAG, LAST_MODIFIED)).isTrue();
    }

    @Test
    void ifModifiedSinceComparesSeconds() {
        assertThat(HttpValidators.notModified(null, "Sun, 18 Dec 2022 17:00:00 GMT", ETAG, LAST_MODIFIED)).isTrue();
        assertThat(HttpValidators.notModified(null, "Sun, 18 Dec 2022 16:59:59 GMT", ETAG, LAST_MODIFIED)).isFalse();
        assertThat(HttpValidators.notModified(null, "yesterday", ETAG, LAST_MODIFIED)).isFalse();
    }

    @Test
    void entityTagListsAreComparedWeakly() {
        assertThat(HttpValidators.matchesAny("\"a\", W/\"abc\"", ETAG)).isTrue();
        assertThat(HttpValidators.matchesAny("*", ETAG)).isTrue();
        assertThat(HttpValidators.matchesAny("\"abcd\", \"ab\"", ETAG)).isFalse();
        assertThat(HttpValidators.matchesAny("abc", ETAG)).as("unquoted is not an entity-tag").isFalse();
        assertThat(HttpValidators.matchesAny("\"unterminated", ETAG)).isFalse();
    }

    @Test
    void gzipOnlyWhenAcceptedWithPositiveQuality() {
        assertThat(HttpValidators.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(HttpValidators.acceptsGzip("x-gzip")).isTrue();
        assertThat(HttpValidators.acceptsGzip("*")).isTrue();
        assertThat(HttpValidators.acceptsGzip("gzip;q=0, *")).isFalse();
        assertThat(HttpValidators.acceptsGzip("br, *;q=0")).isFalse();
        assertThat(HttpValidators.acceptsGzip("identity")).isFalse();
        assertThat(HttpValidators.acceptsGzip(null)).isFalse();
    }

    @Test
    void negotiationPrefersTheMostSpecificRangeAndAtomOnTies() {
        assertThat(HttpValidators.negotiate(null)).contains(FeedFormat.ATOM);
        assertThat(HttpValidators.negotiate("*/*")).contains(FeedFormat.ATOM);
        assertThat(HttpValidators.negotiate("application/*")).contains(FeedFormat.ATOM);
        assertThat(HttpValidators.negotiate("application/rss+xml, */*;q=0.1")).contains(FeedFormat.RSS);
        assertThat(HttpValidators.negotiate("application/json")).contains(FeedFormat.JSON);
        assertThat(HttpValidators.negotiate("*/*;q=0.5, application/atom+xml;q=0")).contains(FeedFormat.RSS);
        assertThat(HttpValidators.negotiate("text/html")).isEmpty();
    }

    @Test
    void browsersAreRecognisedByTextHtml() {
        assertThat(HttpValidators.wantsHtml("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isTrue();
        assertThat(HttpValidators.wantsHtml("application/atom+xml, text/html;q=0")).isFalse();
        assertThat(HttpValidators.wantsHtml("*/*")).isFalse();
    }

    @Test
    void cursorsRoundTrip() {
        Cursor c = new Cursor(java.time.Instant.parse("2022-12-18T17:00:00.123456Z"), 4211);
        assertThat(c.toString()).isEqualTo("1671382800123456.4211");
        assertThat(Cursor.parse(c.toString())).contains(c);
        assertThat(Cursor.parse("1.2.3")).isEmpty();
        assertThat(Cursor.parse("abc")).isEmpty();
    }
}
