package dev.warta;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error a client caused or must hear about, rendered as {@code application/problem+json} (RFC 9457).
 * {@code code} is a stable machine-readable name; extensions name what is at fault ({@code field},
 * {@code line}, {@code existing}, ...).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(int status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(400, code, "Bad request", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /**
     * The RFC 9457 body: the one shape of every error Warta sends, from JAX-RS resources (through
     * {@code web.ProblemMapper}) and from the feed routes on the event loop. {@code instance} is the request path.
     */
    public Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        if (getMessage() != null) {
            body.put("detail", getMessage());
        }
        body.put("code", code);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.putAll(extensions);
        return body;
    }
}
