package dev.warta.publish;

/** The formats a feed is published in, with their file extension and media type. */
public enum FeedFormat {
    ATOM(".atom", "application/atom+xml"),
    RSS(".rss", "application/rss+xml");

    private final String extension;
    private final String mediaType;

    FeedFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Without parameters, as used in {@code type} attributes of links. */
    public String mediaType() {
        return mediaType;
    }

    /** As sent in {@code Content-Type}. */
    public String contentType() {
        return mediaType + ";charset=utf-8";
    }
}
