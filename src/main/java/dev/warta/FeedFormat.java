package dev.warta;

import java.util.Optional;

/** The formats a feed is published in, with their file extension and media type. */
public enum FeedFormat {
    ATOM(".atom", "application/atom+xml"),
    RSS(".rss", "application/rss+xml"),
    JSON(".json", "application/feed+json");

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

    /** The format whose extension ends this file name ({@code slug.atom}), if any. */
    public static Optional<FeedFormat> ofExtension(String extension) {
        for (FeedFormat f : values()) {
            if (f.extension.equals(extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
