package dev.warta.web.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.warta.article.ArticleWarning;

/** What the editor page says, in Indonesian: dates as the newsroom writes them, and what an article lacks. */
final class AdminTexts {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", INDONESIAN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy HH:mm 'WIB'", INDONESIAN);

    private AdminTexts() {
    }

    /** "Senin, 19 Desember 2022 17:30 WIB", or "Senin, 19 Desember 2022" for a date that is only a day. */
    static String date(Instant instant, boolean dayOnly) {
        return (dayOnly ? DAY : TIME).format(instant.atZone(WIB));
    }

    /** A warning as the preview lists it. */
    static String warning(ArticleWarning warning) {
        return switch (warning.code()) {
            case "no-body" -> "Tanpa isi: hanya judul (dan ringkasannya) yang akan diterbitkan.";
            case "no-date" -> "Tanpa tanggal: artikel diberi waktu saat diterbitkan.";
            case "no-byline" -> "Tanpa penulis: artikel tidak menyebut penulis, wartawan, atau editor.";
            case "no-topic" -> "Tanpa topik: artikel hanya masuk feed semua entri. Tambahkan topik, baris "
                    + "\"Artikel lain terkait …\", atau aturan topik yang cocok.";
            default -> "Perhatian: " + warning.code() + ".";
        };
    }

    /** The warnings in a few words, for the message after publishing: "tanpa tanggal, tanpa topik". */
    static String shortWarnings(List<ArticleWarning> warnings) {
        return String.join(", ", warnings.stream().map(w -> switch (w.code()) {
            case "no-body" -> "tanpa isi";
            case "no-date" -> "tanpa tanggal";
            case "no-byline" -> "tanpa penulis";
            case "no-topic" -> "tanpa topik";
            default -> w.code();
        }).toList());
    }
}
