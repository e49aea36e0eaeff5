package dev.warta.poll;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

import com.rometools.rome.io.impl.DateParser;

/**
 * Reads the dates of a feed's entries before Rome does, and takes their elements out of the document. Rome's
 * date parser tries its patterns with a new {@code SimpleDateFormat} each, which costs more than everything else in
 * reading a feed: the two forms feeds use (RFC 822/1123 and RFC 3339) are read here with {@code java.time}, and
 * only a date in another form goes to Rome's lenient parser. Which element means what is feedparser's reading:
 * {@code pubDate}, {@code dcterms:issued} and Atom's {@code published}/{@code issued} are the publication,
 * {@code dc:date}, {@code dcterms:modified} and Atom's {@code updated}/{@code modified} the last change; of several
 * of one kind, the last readable one counts.
 */
final class EntryDates {

    static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    static final Namespace DCTERMS = Namespace.getNamespace("http://purl.org/dc/terms/");
    static final Namespace RSS10 = Namespace.getNamespace("http://purl.org/rss/1.0/");
    static final Namespace RSS090 = Namespace.getNamespace("http://my.netscape.com/rdf/simple/0.9/");
    static final Namespace ATOM10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    static final Namespace ATOM03 = Namespace.getNamespace("http://purl.org/atom/ns#");

    /** Whether a date element states the last change (true) or the publication (false), by namespace and name. */
    private record DateFields(Map<String, Map<String, Boolean>> byNamespace) {

        static DateFields of(Namespace own, Map<String, Boolean> ownFields) {
            Map<String, Map<String, Boolean>> fields = new HashMap<>();
            fields.put(own.getURI(), ownFields);
            fields.put(DCTERMS.getURI(), Map.of("issued", false, "modified", true));
            fields.merge(DC.getURI(), Map.of("date", true), DateFields::union);
            fields.merge(ATOM10.getURI(), Map.of("published", false, "updated", true), DateFields::union);
            return new DateFields(fields);
        }

        private static Map<String, Boolean> union(Map<String, Boolean> a, Map<String, Boolean> b) {
            Map<String, Boolean> both = new HashMap<>(b);
            both.putAll(a);
            return both;
        }

        Boolean updated(Element e) {
            Map<String, Boolean> names = byNamespace.get(e.getNamespaceURI());
            return names == null ? null : names.get(e.getName());
        }
    }

    private static final Map<String, Boolean> RSS_FIELDS = Map.of("pubDate", false);
    private static final Map<String, Boolean> ATOM_FIELDS = Map.of("published", false, "updated", true, "issued", false,
            "modified", true);

    private EntryDates() {
    }

    /**
     * Per entry in document order: the dates it states, each null when it states none readable. Empty when the
     * document is not a form this knows (Rome then reads every date itself).
     */
    static List<StatedDates> extract(Document document) {
        Element root = document.getRootElement();
        Namespace ns = root.getNamespace();
        switch (root.getName()) {
            case "rss" -> {
                Element channel = root.getChild("channel", ns);
                return channel == null ? List.of() : read(channel.getChildren("item", ns), DateFields.of(ns, RSS_FIELDS));
            }
            case "RDF" -> {
                List<Element> rss10 = root.getChildren("item", RSS10);
                List<Element> rss090 = root.getChildren("item", RSS090);
                if (!rss10.isEmpty() && !rss090.isEmpty()) {
                    return List.of();
                }
                Namespace items = rss10.isEmpty() ? RSS090 : RSS10;
                return read(rss10.isEmpty() ? rss090 : rss10, DateFields.of(items, Map.of()));
            }
            case "feed" -> {
                if (ATOM10.equals(ns) || ATOM03.equals(ns)) {
                    return read(root.getChildren("entry", ns), DateFields.of(ns, ATOM_FIELDS));
                }
                return List.of();
            }
            default -> {
                return List.of();
            }
        }
    }

    /** The last readable date of each kind wins; every date element is taken out of the document. */
    private static List<StatedDates> read(List<Element> entries, DateFields fields) {
        List<StatedDates> result = new ArrayList<>(entries.size());
        List<Element> dated = new ArrayList<>();
        for (Element entry : entries) {
            Instant published = null;
            Instant updated = null;
            for (Element child : entry.getChildren()) {
                Boolean isUpdate = fields.updated(child);
                if (isUpdate == null) {
                    continue;
                }
                dated.add(child);
                Instant t = parseAny(child.getTextTrim());
                if (t == null) {
                    continue;
                }
                if (isUpdate) {
                    updated = t;
                } else {
                    published = t;
                }
            }
            for (Element e : dated) {
                entry.removeContent(e);
            }
            dated.clear();
            result.add(new StatedDates(published, updated));
        }
        return result;
    }

    /** {@link #parse} first; a date in another form is left to Rome's lenient parser. */
    static Instant parseAny(String text) {
        Instant t = parse(text);
        if (t != null || text == null || text.isEmpty()) {
            return t;
        }
        Date date = DateParser.parseDate(text, Locale.US);
        return date == null ? null : date.toInstant();
    }

    /** RFC 3339 or RFC 1123 (with or without day name, one- or two-digit day); null for anything else. */
    static Instant parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            if (Character.isDigit(text.charAt(0)) && text.length() >= 20 && text.charAt(4) == '-') {
                return OffsetDateTime.parse(text).toInstant();
            }
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
