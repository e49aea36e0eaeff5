package dev.warta.fetch;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One outgoing HTTP request. {@code headers} are sent as given (e.g. {@code If-None-Match}); the fetcher
 * adds User-Agent and Accept-Encoding. A POST carries {@code body} with {@code contentType}.
 *
 * @param maxBytes largest response body accepted after decompression; 0 for the configured default
 */
public record FetchRequest(String method, URI url, Map<String, String> headers, byte[] body, String contentType,
        long maxBytes, boolean followRedirects) {

    public FetchRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static FetchRequest get(URI url) {
        return new FetchRequest("GET", url, Map.of(), null, null, 0, true);
    }

    public static FetchRequest post(URI url, String contentType, byte[] body) {
        return new FetchRequest("POST", url, Map.of(), body, contentType, 0, false);
    }

    public FetchRequest withHeader(String name, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new FetchRequest(method, url, all, body, contentType, maxBytes, followRedirects);
    }

    public FetchRequest withMaxBytes(long limit) {
        return new FetchRequest(method, url, headers, body, contentType, limit, followRedirects);
    }

    public FetchRequest withFollowRedirects(boolean follow) {
        return new FetchRequest(method, url, headers, body, contentType, maxBytes, follow);
    }
}
