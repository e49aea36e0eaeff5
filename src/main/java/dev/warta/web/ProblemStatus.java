package dev.warta.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.warta.ProblemException;

/**
 * The one table from a kind of problem to its HTTP status and title, and the RFC 9457 body every error
 * leaves Warta with. {@link ProblemMapper} (JAX-RS) and {@link ProblemRoutes} (Vert.x routes) both answer through it.
 */
public final class ProblemStatus {

    private ProblemStatus() {
    }

    public static int of(ProblemException e) {
        if (e instanceof ProblemException.Invalid) {
            return 400;
        } else if (e instanceof ProblemException.NotFound) {
            return 404;
        } else if (e instanceof ProblemException.NotAllowed) {
            return 405;
        } else if (e instanceof ProblemException.NotAcceptable) {
            return 406;
        } else if (e instanceof ProblemException.Conflict) {
            return 409;
        } else if (e instanceof ProblemException.TooLarge) {
            return 413;
        } else if (e instanceof ProblemException.Unsupported) {
            return 415;
        } else if (e instanceof ProblemException.Refused) {
            return 422;
        } else if (e instanceof ProblemException.Throttled) {
            return 429;
        } else if (e instanceof ProblemException.UpstreamFailed) {
            return 502;
        }
        return 500;
    }

    /** RFC 9110's reason phrase of the status: the {@code title} of the problem body. */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable content";
            case 429 -> "Too many requests";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal server error" : "Error";
        };
    }

    /** The body: {@code type}, {@code title}, {@code status}, {@code detail}, {@code code}, {@code instance}, extensions. */
    public static Map<String, Object> body(ProblemException e, String instance) {
        return body(of(e), e.code(), e.getMessage(), instance, e.extensions());
    }

    static Map<String, Object> body(int status, String code, String detail, String instance, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        body.put("code", code);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.putAll(extensions);
        return body;
    }

    /** Headers a kind of problem carries: {@code Allow} on 405, {@code Retry-After} on 429. */
    public static Map<String, String> headers(ProblemException e) {
        if (e instanceof ProblemException.NotAllowed n) {
            return Map.of("Allow", String.join(", ", n.allowed()));
        }
        if (e instanceof ProblemException.Throttled t && t.retryAfter() != null) {
            return Map.of("Retry-After", String.valueOf(Math.max(1, t.retryAfter().toSeconds())));
        }
        return Map.of();
    }
}
