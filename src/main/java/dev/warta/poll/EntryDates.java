package dev.warta.poll;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Reads the dates of a feed's entries before Rome does. Rome's date parser tries its patterns with a new
 * {@code SimpleDateFormat} each, which costs more than everything else in reading a feed; the two forms feeds
 * use (RFC 822/1123 and RFC 3339) are read here with {@code java.time} and their elements taken out of the
 * document. A date in any other form stays in the document for Rome's lenient parser.
 */
final class EntryDates {

    static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    static final Namespace RSS10 = Namespace.getNamespace("http://purl.org/rss/1.0/");
    static final Namespace RSS090 = Namespace.getNamespace("http://my.netscape.com/rdf/simple/0.9/");
    static final Namespace ATOM10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    static final Namespace ATOM03 = Namespace.getNamespace("http://purl.org/atom/ns#");

    private EntryDates() {
    }

    /**
     * Per entry in document order: {published, updated}, each null when not read here. Null when the
     * document is not a form this knows (Rome then reads every date itself).
     */
    static List<Instant[]> extract(Document document) {
        Element root = document.getRootElement();
        List<Element> entries;
        switch (root.getName()) {
            case "rss" -> {
                Element channel = root.getChild("channel");
                if (channel == null) {
                    return null;
                }
                entries = channel.getChildren("item");
                return read(entries, new Object[][] { { "pubDate", Namespace.NO_NAMESPACE, 0 }, { "date", DC, 0 } });
            }
            case "RDF" -> {
                entries = new ArrayList<>(root.getChildren("item", RSS10));
                entries.addAll(root.getChildren("item", RSS090));
                if (!root.getChildren("item", RSS10).isEmpty() && !root.getChildren("item", RSS090).isEmpty()) {
                    return null;
                }
                return read(entries, new Object[][] { { "date", DC, 0 } });
            }
            case "feed" -> {
                if (ATOM10.equals(root.getNamespace())) {
                    return read(root.getChildren("entry", ATOM10),
                            new Object[][] { { "published", ATOM10, 0 }, { "updated", ATOM10, 1 } });
                }
                if (ATOM03.equals(root.getNamespace())) {
                    return read(root.getChildren("entry", ATOM03),
                            new Object[][] { { "issued", ATOM03, 0 }, { "modified", ATOM03, 1 } });
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code fields}: element name, namespace, slot (0 published, 1 updated); the first readable one per slot wins. */
    private static List<Instant[]> read(List<Element> entries, Object[][] fields) {
        List<Instant[]> result = new ArrayList<>(entries.size());
        for (Element entry : entries) {
            Instant[] dates = new Instant[2];
            for (Object[] field : fields) {
                int slot = (Integer) field[2];
                Element e = entry.getChild((String) field[0], (Namespace) field[1]);
                if (e == null) {
                    continue;
                }
                Instant t = parse(e.getTextTrim());
                if (t != null) {
                    if (dates[slot] == null) {
                        dates[slot] = t;
                    }
                    entry.removeContent(e);
                }
            }
            result.add(dates);
        }
        return result;
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
