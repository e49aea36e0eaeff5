package dev.warta.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Writes the sitemaps (sitemaps.org 0.9: {@code urlset}, {@code sitemapindex}) and the Google News sitemap (the
 * {@code news:} extension) with JDOM, as the OPML list is written: no XML is concatenated by hand.
 */
@ApplicationScoped
public class SitemapWriter {

    static final Namespace SITEMAP = Namespace.getNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
    static final Namespace NEWS = Namespace.getNamespace("news", "http://www.google.com/schemas/sitemap-news/0.9");

    /** A page of the site and when it last changed (null: unknown, no {@code lastmod}). */
    public record Url(String loc, Instant lastModified) {
    }

    /** An article of the news sitemap. */
    public record NewsUrl(String loc, String title, Instant published) {
    }

    public byte[] urlset(List<Url> urls) {
        Element root = new Element("urlset", SITEMAP);
        for (Url url : urls) {
            root.addContent(located("url", url));
        }
        return write(root);
    }

    public byte[] index(List<Url> sitemaps) {
        Element root = new Element("sitemapindex", SITEMAP);
        for (Url sitemap : sitemaps) {
            root.addContent(located("sitemap", sitemap));
        }
        return write(root);
    }

    /** The news sitemap: each article with the publication's name and language, its date and title (all required). */
    public byte[] news(String publication, String language, List<NewsUrl> articles) {
        Element root = new Element("urlset", SITEMAP);
        root.addNamespaceDeclaration(NEWS);
        for (NewsUrl article : articles) {
            Element pub = new Element("publication", NEWS)
                    .addContent(new Element("name", NEWS).setText(publication))
                    .addContent(new Element("language", NEWS).setText(language));
            Element news = new Element("news", NEWS)
                    .addContent(pub)
                    .addContent(new Element("publication_date", NEWS).setText(w3c(article.published())))
                    .addContent(new Element("title", NEWS).setText(article.title()));
            root.addContent(new Element("url", SITEMAP)
                    .addContent(new Element("loc", SITEMAP).setText(article.loc()))
                    .addContent(news));
        }
        return write(root);
    }

    /** W3C Datetime (the profile of ISO 8601 both sitemap formats name), to the second, in UTC. */
    static String w3c(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    private static Element located(String name, Url url) {
        Element e = new Element(name, SITEMAP).addContent(new Element("loc", SITEMAP).setText(url.loc()));
        if (url.lastModified() != null) {
            e.addContent(new Element("lastmod", SITEMAP).setText(w3c(url.lastModified())));
        }
        return e;
    }

    private static byte[] write(Element root) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8").setLineSeparator("\n")).output(new Document(root), out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
