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

    /** An element that may hold an entry's date, and which of the two dates it is. */
    private record DateField(String name, Namespace namespace, boolean updated) {
    }

    /**
     * Per entry in document order: the dates read here, each null when not read here. Empty when the document
     * is not a form this knows (Rome then reads every date itself).
     */
    static List<StatedDates> extract(Document document) {
        Element root = document.getRootElement();
        List<Element> entries;
        switch (root.getName()) {
            case "rss" -> {
                Element channel = root.getChild("channel");
                if (channel == null) {
                    return List.of();
                }
                entries = channel.getChildren("item");
                return read(entries, List.of(new DateField("pubDate", Namespace.NO_NAMESPACE, false), new DateField("date", DC, false)));
            }
            case "RDF" -> {
                entries = new ArrayList<>(root.getChildren("item", RSS10));
                entries.addAll(root.getChildren("item", RSS090));
                if (!root.getChildren("item", RSS10).isEmpty() && !root.getChildren("item", RSS090).isEmpty()) {
                    return List.of();
                }
                return read(entries, List.of(new DateField("date", DC, false)));
            }
            case "feed" -> {
                if (ATOM10.equals(root.getNamespace())) {
                    return read(root.getChildren("entry", ATOM10),
                            List.of(new DateField("published", ATOM10, false), new DateField("updated", ATOM10, true)));
                }
                if (ATOM03.equals(root.getNamespace())) {
                    return read(root.getChildren("entry", ATOM03),
                            List.of(new DateField("issued", ATOM03, false), new DateField("modified", ATOM03, true)));
                }
                return List.of();
            }
            default -> {
                return List.of();
            }
        }
    }

    /** The first readable field of each kind wins; every readable one is taken out of the document. */
    private static List<StatedDates> read(List<Element> entries, List<DateField> fields) {
        List<StatedDates> result = new ArrayList<>(entries.size());
        for (Element entry : entries) {
            Instant published = null;
            Instant updated = null;
            for (DateField field : fields) {
                Element e = entry.getChild(field.name(), field.namespace());
                Instant t = e == null ? null : parse(e.getTextTrim());
                if (t == null) {
                    continue;
                }
                if (field.updated()) {
                    updated = updated == null ? t : updated;
                } else {
                    published = published == null ? t : published;
                }
                entry.removeContent(e);
            }
            result.add(new StatedDates(published, updated));
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
