package dev.warta.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import dev.warta.entry.EntryView;
import io.quarkus.qute.TemplateExtension;

/**
 * The lead image an entry page shows above the body: its address, the text that stands for it ({@code alt}: the
 * caption, else the entry's title), the size when known (so the page does not jump while it loads), caption and
 * credit. None when the entry has no image, or when its body already shows that image (an upstream item whose image
 * is the content's first {@code <img>}), so that it is not shown twice.
 */
public record LeadImageFigure(String src, String alt, Integer width, Integer height, String caption, String credit) {

    static LeadImageFigure of(EntryView entry) {
        if (entry.image() == null || inBody(entry.contentHtml(), entry.image())) {
            return null;
        }
        EntryView.ImageDetails d = entry.imageDetails();
        String caption = d == null ? null : d.caption();
        return new LeadImageFigure(entry.image(), caption != null ? caption : entry.title(), d == null ? null : d.width(),
                d == null ? null : d.height(), caption, d == null ? null : d.credit());
    }

    private static boolean inBody(String html, String src) {
        if (html == null || !html.contains("<img")) {
            return false;
        }
        for (Element img : Jsoup.parseBodyFragment(html).select("img[src]")) {
            if (src.equals(img.attr("src"))) {
                return true;
            }
        }
        return false;
    }

    /** {@code entry.leadImage} in the page templates. */
    @TemplateExtension
    static class Extension {
        static LeadImageFigure leadImage(EntryView entry) {
            return of(entry);
        }
    }
}
