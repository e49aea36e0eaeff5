package dev.warta.web.admin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.warta.article.ArticleInput;
import dev.warta.article.ArticleService;
import dev.warta.article.PageUrls;
import dev.warta.topic.Slugs;

/**
 * What the editor typed, echoed back into the form, and read into what {@link ArticleService} takes. What is wrong
 * with the form itself is said in the page's language ({@link Fault}).
 */
public record EditorForm(String content, String url, String format, String topics) {

    static final EditorForm EMPTY = new EditorForm("", "", "auto", "");

    public EditorForm {
        content = content == null ? "" : content;
        url = url == null ? "" : url.strip();
        format = format == null || !List.of("auto", "text", "html").contains(format) ? "auto" : format;
        topics = topics == null ? "" : topics.strip();
    }

    /** The form cannot be sent on: the message (Indonesian) and the field at fault. */
    static final class Fault extends RuntimeException {
        final int status;
        final String field;

        Fault(int status, String field, String message) {
            super(message, null, false, false);
            this.status = status;
            this.field = field;
        }
    }

    /** The article the form gives: pasted text or HTML (at the form's address, if any), or the page at the address. */
    ArticleInput input(int maxPageBytes) {
        URI address = null;
        if (!url.isEmpty()) {
            address = PageUrls.normalize(url).map(URI::create).orElseThrow(() -> new Fault(400, "url",
                    "Alamat \"" + url + "\" bukan alamat http atau https yang lengkap."));
        }
        String text = content.strip();
        if (text.isEmpty()) {
            if (address == null) {
                throw new Fault(400, "content", "Tempel teks atau HTML artikel, atau isi alamat halamannya.");
            }
            return new ArticleInput.Url(address);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxPageBytes) {
            throw new Fault(413, "content", "Artikel ini " + bytes.length + " byte; paling banyak " + maxPageBytes + " byte.");
        }
        boolean html = format.equals("html") || (format.equals("auto") && looksLikeHtml(text));
        return html ? new ArticleInput.Html(bytes, StandardCharsets.UTF_8, address) : new ArticleInput.Text(text, address);
    }

    /** The extra topics, comma-separated. */
    ArticleService.Overrides overrides() {
        List<String> labels = new ArrayList<>();
        for (String t : topics.split(",")) {
            String label = t.strip();
            if (label.isEmpty()) {
                continue;
            }
            if (Slugs.of(label).isEmpty()) {
                throw new Fault(400, "topics", "Topik \"" + label + "\" tidak berisi huruf atau angka.");
            }
            labels.add(label);
        }
        return new ArticleService.Overrides(null, labels);
    }

    static boolean looksLikeHtml(String content) {
        String head = content.substring(0, Math.min(content.length(), 4096)).toLowerCase(Locale.ROOT);
        return head.startsWith("<") || head.contains("<html") || head.contains("<body") || head.contains("</p>")
                || head.contains("<div");
    }
}
