package dev.warta.websub;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.warta.PublicUrl;

/**
 * Warta's WebSub hub (W3C Recommendation): subscribers POST {@code hub.mode=subscribe|unsubscribe} with
 * {@code hub.callback} and {@code hub.topic} (one of Warta's feed URLs); 202 means the request will be
 * verified with the callback. Requests that cannot succeed are refused at once with problem+json.
 */
@Path("/websub")
@Tag(name = "WebSub")
public class HubResource {

    static final int MAX_URL_LENGTH = 2048;

    private final HubService hub;
    private final PublicUrl publicUrl;

    HubResource(HubService hub, PublicUrl publicUrl) {
        this.hub = hub;
        this.publicUrl = publicUrl;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Subscribe to or unsubscribe from a feed (WebSub)",
            description = "Form fields hub.mode (subscribe|unsubscribe), hub.callback, hub.topic (a feed URL of this Warta), "
                    + "hub.lease_seconds (optional), hub.secret (optional, under 200 bytes: deliveries then carry "
                    + "X-Hub-Signature: sha256=...). The hub verifies the intent with a GET to the callback.")
    @APIResponse(responseCode = "202", description = "Accepted; the callback will be asked to confirm")
    @APIResponse(responseCode = "400", description = "A field is missing or wrong, or the callback's address is refused")
    public Response request(MultivaluedMap<String, String> form, @Context UriInfo uri) {
        String mode = required(form, "hub.mode").toLowerCase(Locale.ROOT);
        if (!mode.equals("subscribe") && !mode.equals("unsubscribe")) {
            throw HubService.invalid("hub.mode", "hub.mode must be subscribe or unsubscribe");
        }
        URI callback = callback(required(form, "hub.callback"));
        String topic = required(form, "hub.topic");
        String secret = form.getFirst("hub.secret");
        if (secret != null && (secret.isEmpty() || secret.getBytes(StandardCharsets.UTF_8).length >= 200)) {
            throw HubService.invalid("hub.secret", "hub.secret must be between 1 and 199 bytes");
        }
        hub.accept(new HubService.Request(mode.equals("subscribe"), callback, topic, secret, lease(form)), publicUrl.base(uri));
        return Response.accepted().build();
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "What this address is")
    public String describe() {
        return "WebSub hub of Warta. POST hub.mode=subscribe, hub.callback and hub.topic (a feed URL advertised with "
                + "rel=\"self\") as application/x-www-form-urlencoded.\n";
    }

    /** An absolute http(s) URL without fragment or credentials; {@link HubService} checks where it leads. */
    private static URI callback(String value) {
        URI url;
        try {
            url = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw HubService.invalid("hub.callback", "hub.callback is not a URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null || url.getRawFragment() != null
                || url.getRawUserInfo() != null || value.length() > MAX_URL_LENGTH) {
            throw HubService.invalid("hub.callback",
                    "hub.callback must be an absolute http or https URL without fragment or credentials");
        }
        return url;
    }

    /** The lease asked for, null when none. */
    private static Long lease(MultivaluedMap<String, String> form) {
        String value = form.getFirst("hub.lease_seconds");
        if (value == null || value.isBlank()) {
            return null;
        }
        long lease;
        try {
            lease = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            lease = -1;
        }
        if (lease <= 0) {
            throw HubService.invalid("hub.lease_seconds", "hub.lease_seconds must be a positive whole number of seconds");
        }
        return lease;
    }

    private static String required(MultivaluedMap<String, String> form, String name) {
        List<String> values = form == null ? null : form.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            throw HubService.invalid(name, name + " is required");
        }
        return values.get(0).strip();
    }
}
