package dev.warta;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An HTML page answered through JAX-RS (the search page, the editor page) with the headers every such page carries:
 * its own Content-Security-Policy, never framed, no type sniffing, the referrer kept to this site.
 */
public final class HtmlResponses {

    private HtmlResponses() {
    }

    public static Response page(int status, String html, String cacheControl, String contentSecurityPolicy) {
        return Response.status(status).entity(html).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .build();
    }
}
