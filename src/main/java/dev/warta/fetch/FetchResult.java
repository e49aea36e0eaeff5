package dev.warta.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a {@link FetchRequest}, after redirects. Header names are lower case; {@code body} is
 * decompressed. {@code redirects} lists each hop followed, in order.
 */
public record FetchResult(URI url, int status, Map<String, List<String>> headers, byte[] body, List<Redirect> redirects) {

    public record Redirect(int status, URI from, URI to) {
        public boolean permanent() {
            return status == 301 || status == 308;
        }
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The URL that permanent redirects lead to, when every hop followed was permanent (301/308). */
    public Optional<URI> permanentlyMovedTo() {
        if (redirects.isEmpty() || !redirects.stream().allMatch(Redirect::permanent)) {
            return Optional.empty();
        }
        return Optional.of(redirects.get(redirects.size() - 1).to());
    }

    /** The charset named in {@code Content-Type}, when there is a valid one. */
    public Optional<Charset> charset() {
        return header("content-type").flatMap(FetchResult::charsetOf);
    }

    public Optional<String> mediaType() {
        return header("content-type").map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT));
    }

    static Optional<Charset> charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).strip().replace("\"", "").replace("'", "");
                try {
                    return Optional.of(Charset.forName(name));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
