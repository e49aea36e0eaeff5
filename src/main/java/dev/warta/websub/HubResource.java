package dev.warta.websub;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
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

import dev.warta.ProblemException;
import dev.warta.PublicUrl;
import dev.warta.fetch.AddressGuard;
import dev.warta.fetch.RefusedAddressException;
import dev.warta.publish.FeedTarget;
import dev.warta.publish.PublishedFeeds;

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
    private final PublishedFeeds feeds;
    private final AddressGuard guard;
    private final PublicUrl publicUrl;

    HubResource(HubService hub, PublishedFeeds feeds, AddressGuard guard, PublicUrl publicUrl) {
        this.hub = hub;
        this.feeds = feeds;
        this.guard = guard;
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
            throw invalid("hub.mode", "hub.mode must be subscribe or unsubscribe");
        }
        URI callback = callback(required(form, "hub.callback"));
        String topic = required(form, "hub.topic");
        String feedKey = feedKey(topic, publicUrl.base(uri));
        String secret = form.getFirst("hub.secret");
        if (secret != null && (secret.isEmpty() || secret.getBytes(StandardCharsets.UTF_8).length >= 200)) {
            throw invalid("hub.secret", "hub.secret must be between 1 and 199 bytes");
        }
        Long lease = null;
        String leaseValue = form.getFirst("hub.lease_seconds");
        if (leaseValue != null && !leaseValue.isBlank()) {
            try {
                lease = Long.parseLong(leaseValue.strip());
            } catch (NumberFormatException e) {
                lease = -1L;
            }
            if (lease <= 0) {
                throw invalid("hub.lease_seconds", "hub.lease_seconds must be a positive whole number of seconds");
            }
        }
        hub.accept(new HubService.Intent(mode.equals("subscribe"), callback, topic, feedKey, secret, hub.lease(lease)));
        return Response.accepted().build();
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "What this address is")
    public String describe() {
        return "WebSub hub of Warta. POST hub.mode=subscribe, hub.callback and hub.topic (a feed URL advertised with "
                + "rel=\"self\") as application/x-www-form-urlencoded.\n";
    }

    private String feedKey(String topic, String base) {
        URI url;
        try {
            url = new URI(topic);
        } catch (URISyntaxException e) {
            throw invalid("hub.topic", "hub.topic is not a URL");
        }
        FeedTarget target = FeedTarget.fromUrl(url, base, feeds.defaultLimit(), feeds.maxLimit())
                .filter(t -> t.page().isFirst())
                .orElseThrow(() -> invalid("hub.topic", "hub.topic must be the first page of a feed of this hub, e.g. "
                        + base + "/feeds/all.atom"));
        try {
            return feeds.feedKey(target);
        } catch (ProblemException e) {
            throw invalid("hub.topic", e.getMessage());
        }
    }

    /** An absolute http(s) URL without fragment whose host resolves only to addresses Warta may connect to. */
    private URI callback(String value) {
        URI url;
        try {
            url = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw invalid("hub.callback", "hub.callback is not a URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null || url.getRawFragment() != null
                || url.getRawUserInfo() != null || value.length() > MAX_URL_LENGTH) {
            throw invalid("hub.callback", "hub.callback must be an absolute http or https URL without fragment or credentials");
        }
        try {
            // Checked again, on the connected addresses, by every request the hub makes to it.
            guard.resolve(url.getHost());
        } catch (RefusedAddressException e) {
            throw ProblemException.invalid("refused-address",
                    "the hub does not connect to this callback: " + e.getMessage()).with("field", "hub.callback");
        } catch (UnknownHostException e) {
            throw invalid("hub.callback", "the callback's host " + url.getHost() + " does not resolve");
        }
        return url;
    }

    private static String required(MultivaluedMap<String, String> form, String name) {
        List<String> values = form == null ? null : form.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            throw invalid(name, name + " is required");
        }
        return values.get(0).strip();
    }

    private static ProblemException invalid(String field, String detail) {
        return ProblemException.invalid("invalid-subscription", detail).with("field", field);
    }
}
