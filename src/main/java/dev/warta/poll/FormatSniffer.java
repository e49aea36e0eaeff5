package dev.warta.poll;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells which reader an upstream document goes to. The body decides, not the media type: servers send feeds
 * as {@code text/html} or {@code text/plain} all the time; the media type only breaks ties.
 */
final class FormatSniffer {

    enum Format {
        JSON_FEED, HTML_PAGE, XML
    }

    private FormatSniffer() {
    }

    static Format sniff(byte[] body, Optional<String> mediaType) throws FeedReadException {
        int start = firstSignificant(body);
        if (start >= body.length) {
            throw new FeedReadException(FeedReadException.Reason.MALFORMED, "the document is empty");
        }
        String type = mediaType.orElse("");
        if (body[start] == '{' || (type.endsWith("json") && body[start] != '<')) {
            return Format.JSON_FEED;
        }
        if (looksLikeHtml(body, start) || ((type.equals("text/html") || type.equals("application/xhtml+xml"))
                && !looksLikeFeed(body, start))) {
            return Format.HTML_PAGE;
        }
        return Format.XML;
    }

    private static boolean looksLikeHtml(byte[] body, int start) {
        String head = new String(body, start, Math.min(512, body.length - start), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("<?xml")) {
            int end = head.indexOf("?>");
            head = end < 0 ? head : head.substring(end + 2).stripLeading();
        }
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    private static boolean looksLikeFeed(byte[] body, int start) {
        String head = new String(body, start, Math.min(1024, body.length - start), StandardCharsets.ISO_8859_1);
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF") || head.contains("<RDF");
    }

    /** Index of the first byte that is not a BOM or white space. */
    private static int firstSignificant(byte[] body) {
        int i = 0;
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
            i++;
        }
        return i;
    }
}
