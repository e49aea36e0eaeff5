package dev.warta.poll;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * Reads an upstream document into a {@link ParsedFeed}, stage by stage: {@link FormatSniffer} tells the
 * format from the body; RSS and Atom are read by {@link RomeFeedReader} (fast {@code InputSource} path,
 * healing reader path, never a DOCTYPE) and mapped by {@link RomeItemMapper}; JSON Feed is read by
 * {@link JsonFeedReader}; every entry becomes an item draft through {@link DraftNormalizer}. An HTML page is
 * no feed: it is reported with the feeds it advertises ({@link Autodiscovery}).
 *
 * <p>Plain class, no CDI: it is used by the poller and by the reading benchmark alike. Thread-safe.
 */
public final class FeedParser {

    // Not io.quarkus.logging.Log: this class also runs outside Quarkus (the reading benchmark, the corpus runner).
    private static final Logger LOG = Logger.getLogger(FeedParser.class);

    private final RomeFeedReader rome = new RomeFeedReader();
    private final RomeItemMapper romeItems = new RomeItemMapper();
    private final JsonFeedReader json = new JsonFeedReader();

    /**
     * @param body          the document's bytes, decompressed
     * @param headerCharset the charset of the HTTP {@code Content-Type}, if any
     * @param mediaType     the HTTP media type without parameters, if any
     * @param url           the address the document was fetched from (base of relative links)
     * @param now           the fetch time: date of undated items, cap of future dates
     */
    public ParsedFeed parse(byte[] body, Optional<Charset> headerCharset, Optional<String> mediaType, URI url, Instant now)
            throws FeedReadException {
        try {
            return switch (FormatSniffer.sniff(body, mediaType)) {
                case JSON_FEED -> json.read(body, url, now);
                case HTML_PAGE -> throw htmlPage(body, headerCharset, url);
                case XML -> romeItems.map(rome.read(body, headerCharset, url), url, now);
            };
        } catch (RuntimeException | StackOverflowError e) {
            // The last resort: whatever the bytes, a poll learns that this document could not be read, not that
            // polling failed. Each kind of document that gets here is a bug to fix in the stages above.
            LOG.errorf(e, "reading %s failed inside Warta's reader", url);
            throw new FeedReadException(FeedReadException.Reason.INTERNAL,
                    "Warta could not read this document (" + e.getClass().getSimpleName() + "); the failure is logged",
                    List.of(), e);
        }
    }

    private static FeedReadException htmlPage(byte[] body, Optional<Charset> headerCharset, URI url) {
        List<URI> alternates = Autodiscovery.feeds(body, headerCharset, url);
        String message = alternates.isEmpty()
                ? "an HTML page that advertises no feed (no <link rel=\"alternate\"> to RSS, Atom or JSON Feed)"
                : "an HTML page; it advertises " + alternates.get(0);
        return new FeedReadException(FeedReadException.Reason.HTML_PAGE, message, alternates, null);
    }
}
