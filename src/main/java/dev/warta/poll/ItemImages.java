package dev.warta.poll;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.parser.Parser;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;

import dev.warta.LeadImage;

/**
 * An upstream item's lead image, where aggregators look for it, first found first: a Media RSS
 * {@code media:content} that is an image (on the item, then in its {@code media:group}s), a {@code media:thumbnail},
 * an {@code enclosure} of an image type, the first {@code <img>} of the content. Addresses resolve against the
 * document's base (xml:base, else the feed's address), those in the content against the item's own address as
 * its stored content does; only http(s) is kept (a {@code data:} or {@code javascript:} address is no image to link to).
 * Caption and credit come from the Media RSS metadata nearest the image.
 */
final class ItemImages {

    private static final Pattern IMG = Pattern.compile("(?is)<img\\b[^>]*>");
    private static final Pattern SRC = Pattern.compile("(?is)\\bsrc\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Pattern SIZE = Pattern.compile("(?is)\\b(width|height)\\s*=\\s*[\"']?\\s*(\\d{1,6})");
    private static final Pattern IMAGE_PATH = Pattern.compile("(?i).*\\.(jpe?g|png|gif|webp|avif|svg)$");

    private ItemImages() {
    }

    static LeadImage lead(SyndEntry entry, URI base, URI contentBase, String contentHtml) {
        LeadImage image = null;
        if (entry.getModule(MediaModule.URI) instanceof MediaEntryModule media) {
            image = media(media, base);
        }
        if (image == null) {
            image = enclosure(entry, base);
        }
        return image != null ? image : firstImg(contentHtml, contentBase);
    }

    private static LeadImage media(MediaEntryModule media, URI base) {
        Metadata item = media.getMetadata();
        for (MediaContent content : media.getMediaContents()) {
            LeadImage image = content(content, base, item);
            if (image != null) {
                return image;
            }
        }
        for (MediaGroup group : media.getMediaGroups()) {
            Metadata shared = group.getMetadata() != null ? group.getMetadata() : item;
            for (MediaContent content : group.getContents()) {
                LeadImage image = content(content, base, shared);
                if (image != null) {
                    return image;
                }
            }
        }
        LeadImage thumbnail = thumbnail(item, base, item);
        for (MediaContent content : media.getMediaContents()) {
            thumbnail = thumbnail != null ? thumbnail : thumbnail(content.getMetadata(), base, item);
        }
        for (MediaGroup group : media.getMediaGroups()) {
            thumbnail = thumbnail != null ? thumbnail : thumbnail(group.getMetadata(), base, item);
        }
        return thumbnail;
    }

    /** A media:content that says it is an image, or says nothing and is named like one. */
    private static LeadImage content(MediaContent content, URI base, Metadata outer) {
        if (!(content.getReference() instanceof UrlReference ref) || ref.getUrl() == null) {
            return null;
        }
        String type = content.getType() == null ? null : content.getType().strip().toLowerCase(Locale.ROOT);
        String medium = content.getMedium();
        String url = ref.getUrl().toString();
        boolean image = "image".equalsIgnoreCase(medium) || (type != null && type.startsWith("image/"))
                || (medium == null && type == null && IMAGE_PATH.matcher(url.replaceFirst("[?#].*$", "")).matches());
        String absolute = image ? DraftNormalizer.absolute(url, base) : null;
        if (absolute == null) {
            return null;
        }
        Metadata own = content.getMetadata();
        return new LeadImage(absolute, type, content.getWidth(), content.getHeight(), caption(own, outer), credit(own, outer));
    }

    private static LeadImage thumbnail(Metadata metadata, URI base, Metadata item) {
        if (metadata == null || metadata.getThumbnail() == null) {
            return null;
        }
        for (Thumbnail t : metadata.getThumbnail()) {
            String absolute = t.getUrl() == null ? null : DraftNormalizer.absolute(t.getUrl().toString(), base);
            if (absolute != null) {
                return new LeadImage(absolute, null, t.getWidth(), t.getHeight(), caption(metadata, item), credit(metadata, item));
            }
        }
        return null;
    }

    private static LeadImage enclosure(SyndEntry entry, URI base) {
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            String type = enclosure.getType() == null ? "" : enclosure.getType().strip().toLowerCase(Locale.ROOT);
            String absolute = type.startsWith("image/") ? DraftNormalizer.absolute(enclosure.getUrl(), base) : null;
            if (absolute != null) {
                return new LeadImage(absolute, type, null, null, null, null);
            }
        }
        return null;
    }

    /** The first {@code <img>} with an http(s) address that is not a 1×1 counting pixel. */
    static LeadImage firstImg(String html, URI base) {
        if (html == null || html.isEmpty()) {
            return null;
        }
        Matcher tags = IMG.matcher(html);
        while (tags.find()) {
            String tag = tags.group();
            Matcher src = SRC.matcher(tag);
            if (!src.find()) {
                continue;
            }
            String raw = src.group(1) != null ? src.group(1) : src.group(2) != null ? src.group(2) : src.group(3);
            String absolute = DraftNormalizer.absolute(Parser.unescapeEntities(raw, true), base);
            Integer width = null;
            Integer height = null;
            for (Matcher size = SIZE.matcher(tag); size.find();) {
                int value = Integer.parseInt(size.group(2));
                width = size.group(1).equalsIgnoreCase("width") ? Integer.valueOf(value) : width;
                height = size.group(1).equalsIgnoreCase("height") ? Integer.valueOf(value) : height;
            }
            boolean pixel = (width != null && width <= 1) || (height != null && height <= 1);
            if (absolute != null && !pixel) {
                return new LeadImage(absolute, null, width, height, null, null);
            }
        }
        return null;
    }

    private static String caption(Metadata own, Metadata outer) {
        String caption = own != null && own.getDescription() != null ? DraftNormalizer.plainTitle(own.getDescription()) : null;
        return caption != null || outer == null || outer == own ? caption
                : outer.getDescription() == null ? null : DraftNormalizer.plainTitle(outer.getDescription());
    }

    private static String credit(Metadata own, Metadata outer) {
        String credit = firstCredit(own);
        return credit != null || outer == own ? credit : firstCredit(outer);
    }

    private static String firstCredit(Metadata metadata) {
        if (metadata == null || metadata.getCredits() == null) {
            return null;
        }
        for (Credit credit : metadata.getCredits()) {
            if (credit.getName() != null && !credit.getName().isBlank()) {
                return credit.getName().strip();
            }
        }
        return null;
    }
}
