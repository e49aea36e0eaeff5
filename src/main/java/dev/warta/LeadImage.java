package dev.warta;

/**
 * An entry's lead image, the one aggregators show beside it: an absolute http(s) address and what its source says
 * of it. Read from upstream feeds (poll), stored with the entry (ingest, entry), published again (publish).
 *
 * @param url     absolute http(s) address, never null
 * @param type    media type as the source states it ({@code image/jpeg}), or null
 * @param width   pixels, as stated, or null
 * @param height  pixels, as stated, or null
 * @param caption what the image shows ({@code media:description}), plain text, or null
 * @param credit  who made or owns it ({@code media:credit}), or null
 */
public record LeadImage(String url, String type, Integer width, Integer height, String caption, String credit) {

    public LeadImage {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a lead image needs an address");
        }
        width = width != null && width > 0 ? width : null;
        height = height != null && height > 0 ? height : null;
        type = blankToNull(type);
        caption = blankToNull(caption);
        credit = blankToNull(credit);
    }

    /** An image known only by its address (a desk article's page names no more); null for a null address. */
    public static LeadImage of(String url) {
        return url == null || url.isBlank() ? null : new LeadImage(url, null, null, null, null, null);
    }

    /** The address of an image that may be absent. */
    public static String urlOf(LeadImage image) {
        return image == null ? null : image.url();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The media type as the source states it, else as far as the file name tells; null when neither does. */
    public String knownType() {
        if (type != null) {
            return type;
        }
        String path = url.replaceFirst("[?#].*$", "").toLowerCase(java.util.Locale.ROOT);
        String extension = path.substring(path.lastIndexOf('.') + 1);
        return switch (extension) {
            case "jpg", "jpeg" -> "image/jpeg";
            case "png" -> "image/png";
            case "webp" -> "image/webp";
            case "gif" -> "image/gif";
            case "avif" -> "image/avif";
            case "svg" -> "image/svg+xml";
            default -> null;
        };
    }
}
