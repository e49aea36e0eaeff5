package dev.warta.publish;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import dev.warta.FeedFormat;

/** The HTTP rules feeds are served by: conditional requests (RFC 9110 §13), gzip and format negotiation. */
public final class HttpValidators {

    private HttpValidators() {
    }

    /**
     * Whether a GET or HEAD with these validators is answered 304. {@code If-None-Match}, when present,
     * decides alone (weak comparison, RFC 9110 §13.1.2); {@code If-Modified-Since} counts only without it.
     */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, CharSequence etag, long lastModifiedSeconds) {
        if (ifNoneMatch != null) {
            return matchesAny(ifNoneMatch, etag);
        }
        if (ifModifiedSince != null) {
            Optional<Long> since = parseDate(ifModifiedSince);
            return since.isPresent() && lastModifiedSeconds <= since.get();
        }
        return false;
    }

    /**
     * Weak comparison of an entity-tag list (or {@code *}) with our tag; the tag is the document's precomputed header
     * value, compared in place (a poll's 304 copies nothing).
     */
    static boolean matchesAny(String header, CharSequence etag) {
        int weak = etag.length() >= 2 && etag.charAt(0) == 'W' && etag.charAt(1) == '/' ? 2 : 0;
        int i = 0;
        int n = header.length();
        while (i < n) {
            char c = header.charAt(i);
            if (c == ' ' || c == ',' || c == '\t') {
                i++;
                continue;
            }
            if (c == '*') {
                return true;
            }
            int start = i;
            if (header.startsWith("W/", i)) {
                i += 2;
            }
            if (i < n && header.charAt(i) == '"') {
                int close = header.indexOf('"', i + 1);
                if (close < 0) {
                    return false;
                }
                if (close - i + 1 == etag.length() - weak && sameChars(header, i, etag, weak)) {
                    return true;
                }
                i = close + 1;
            } else {
                // not a valid entity-tag: skip to the next comma
                int comma = header.indexOf(',', start);
                i = comma < 0 ? n : comma + 1;
            }
        }
        return false;
    }

    /** Whether {@code header} holds the rest of {@code tag} from {@code from} on at {@code at}. */
    private static boolean sameChars(String header, int at, CharSequence tag, int from) {
        for (int k = from; k < tag.length(); k++) {
            if (header.charAt(at + k - from) != tag.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static Optional<Long> parseDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static String formatDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Whether {@code Accept-Encoding} lets us send gzip ({@code gzip}, {@code x-gzip} or {@code *} with q above 0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Double gzip = null;
        Double any = null;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
            double q = quality(pieces);
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = gzip == null ? q : Math.max(gzip, q);
            } else if (coding.equals("*")) {
                any = q;
            }
        }
        if (gzip != null) {
            return gzip > 0;
        }
        return any != null && any > 0;
    }

    /** Whether the request comes from a browser navigating: its {@code Accept} names {@code text/html}. */
    static boolean wantsHtml(String accept) {
        if (accept == null || !accept.contains("text/html")) {
            return false;
        }
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            if (pieces[0].strip().equalsIgnoreCase("text/html")) {
                return quality(pieces) > 0;
            }
        }
        return false;
    }

    /**
     * Whether {@code Accept} prefers an HTML page to every feed format: {@code text/html} (or {@code text/*}) at a
     * higher q than any feed type, aliases included. A browser navigating ({@code text/html,...,application/xml;q=0.9})
     * does; a feed reader does not, even one that lists {@code text/html} beside the feed types at the same q
     * (Miniflux), or sends {@code *}{@code /*} or nothing: ties keep the feed, so no reader loses its bytes.
     */
    public static boolean prefersHtml(String accept) {
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("text/")) {
            return false;
        }
        double html = htmlQuality(accept);
        if (html <= 0) {
            return false;
        }
        for (FeedFormat format : FeedFormat.values()) {
            if (quality(accept, format) >= html) {
                return false;
            }
        }
        return true;
    }

    /** The q of the most specific range matching {@code text/html}. */
    private static double htmlQuality(String accept) {
        int bestSpecificity = -1;
        double q = 0;
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            String range = pieces[0].strip().toLowerCase(Locale.ROOT);
            int specificity = switch (range) {
                case "text/html" -> 3;
                case "text/*" -> 2;
                case "*/*" -> 1;
                default -> -1;
            };
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = quality(pieces);
            }
        }
        return q;
    }

    /**
     * The format {@code Accept} prefers, Atom on ties and without the header; empty when it accepts none
     * ({@code application/json} counts for JSON Feed, {@code application/xml} and {@code text/xml} for Atom).
     */
    static Optional<FeedFormat> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(FeedFormat.ATOM);
        }
        FeedFormat best = null;
        double bestQ = 0;
        for (FeedFormat format : FeedFormat.values()) {
            double q = quality(accept, format);
            if (q > bestQ) {
                best = format;
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The q of the most specific media range that matches the format (RFC 9110 §12.5.1). */
    private static double quality(String accept, FeedFormat format) {
        String[] own = format.mediaType().split("/");
        String alias = switch (format) {
            case ATOM -> "application/xml text/xml";
            case RSS -> "";
            case JSON -> "application/json";
        };
        int bestSpecificity = -1;
        double q = 0;
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            String range = pieces[0].strip().toLowerCase(Locale.ROOT);
            int slash = range.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String type = range.substring(0, slash);
            String sub = range.substring(slash + 1);
            int specificity;
            if (range.equals(format.mediaType())) {
                specificity = 4;
            } else if (!alias.isEmpty() && (" " + alias + " ").contains(" " + range + " ")) {
                specificity = 3;
            } else if (type.equals(own[0]) && sub.equals("*")) {
                specificity = 2;
            } else if (type.equals("*") && sub.equals("*")) {
                specificity = 1;
            } else {
                continue;
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = quality(pieces);
            }
        }
        return q;
    }

    private static double quality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String p = pieces[i].strip();
            if (p.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Math.max(0, Math.min(1, Double.parseDouble(p.substring(2).strip())));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
