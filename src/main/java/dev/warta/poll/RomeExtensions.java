package dev.warta.poll;

import org.jdom2.Element;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.synd.SyndEntry;

/**
 * What an entry's extension elements say when its own elements are silent, as feedparser reads them: a title
 * from {@code dc:title} or {@code media:title}, an author from {@code dc:author} (no Dublin Core term, but used)
 * or {@code itunes:author}, a summary from {@code dc:description} or {@code itunes:summary}.
 */
final class RomeExtensions {

    private RomeExtensions() {
    }

    static String title(SyndEntry entry) {
        if (entry.getModule(DCModule.URI) instanceof DCModule dc && notBlank(dc.getTitle())) {
            return dc.getTitle();
        }
        if (entry.getModule(MediaModule.URI) instanceof MediaEntryModule media) {
            String title = mediaTitle(media.getMetadata());
            for (MediaContent content : media.getMediaContents()) {
                title = title != null ? title : mediaTitle(content.getMetadata());
            }
            for (MediaGroup group : media.getMediaGroups()) {
                title = title != null ? title : mediaTitle(group.getMetadata());
            }
            return title;
        }
        return null;
    }

    static String author(SyndEntry entry) {
        for (Element e : entry.getForeignMarkup()) {
            if ("author".equals(e.getName()) && EntryDates.DC.equals(e.getNamespace()) && notBlank(e.getTextTrim())) {
                return e.getTextTrim();
            }
        }
        EntryInformation itunes = itunes(entry);
        return itunes != null && notBlank(itunes.getAuthor()) ? itunes.getAuthor() : null;
    }

    static String summary(SyndEntry entry) {
        if (entry.getModule(DCModule.URI) instanceof DCModule dc && notBlank(dc.getDescription())) {
            return dc.getDescription();
        }
        EntryInformation itunes = itunes(entry);
        return itunes != null && notBlank(itunes.getSummary()) ? itunes.getSummary() : null;
    }

    /** Under either of iTunes' namespace spellings ({@code dtds} and the older {@code DTDs}). */
    private static EntryInformation itunes(SyndEntry entry) {
        for (Module module : entry.getModules()) {
            if (module instanceof EntryInformation itunes) {
                return itunes;
            }
        }
        return null;
    }

    private static String mediaTitle(Metadata metadata) {
        return metadata != null && notBlank(metadata.getTitle()) ? metadata.getTitle() : null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
