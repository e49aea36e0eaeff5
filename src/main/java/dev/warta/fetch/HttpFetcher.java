package dev.warta.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

import dev.warta.WartaConfig;
import io.quarkus.logging.Log;

/**
 * Warta's one HTTP client for requests made on a user's behalf. Every connection goes to an address the
 * {@link AddressGuard} allowed: the guard is the client's DNS resolver, so the addresses checked are the
 * addresses connected to, on the first request and on every redirect hop. Redirects are followed here
 * (at most {@code warta.fetch.max-redirects}); gzip and deflate are decoded; the decoded body is capped;
 * and a total deadline cancels a fetch that a slow server would otherwise keep alive byte by byte.
 * {@link #fetchPolitely} also takes its turn among the fetches of the host ({@link HostSlots}).
 */
@ApplicationScoped
public class HttpFetcher {

    private static final String VERSION = "0.1";

    private final CloseableHttpClient client;
    private final HostSlots slots;
    private final ScheduledExecutorService deadlines;
    private final Duration totalDeadline;
    private final long maxBodyBytes;
    private final int maxRedirects;
    private final String userAgent;

    @Inject
    HttpFetcher(AddressGuard guard, HostSlots slots, WartaConfig config) {
        this(guard, slots, config.fetch().connectTimeout(), config.fetch().readTimeout(), config.fetch().totalDeadline(),
                config.fetch().maxBodyBytes(), config.fetch().maxRedirects(),
                userAgent(config.publicUrl().map(URI::toString).orElse(null)));
    }

    /** Without host slots: {@link #fetchPolitely} waits for no other fetch (tests, benchmarks). */
    public HttpFetcher(AddressGuard guard, Duration connectTimeout, Duration readTimeout, Duration totalDeadline,
            long maxBodyBytes, int maxRedirects, String userAgent) {
        this(guard, HostSlots.unbounded(), connectTimeout, readTimeout, totalDeadline, maxBodyBytes, maxRedirects, userAgent);
    }

    private HttpFetcher(AddressGuard guard, HostSlots slots, Duration connectTimeout, Duration readTimeout, Duration totalDeadline,
            long maxBodyBytes, int maxRedirects, String userAgent) {
        this.slots = slots;
        this.totalDeadline = totalDeadline;
        this.maxBodyBytes = maxBodyBytes;
        this.maxRedirects = maxRedirects;
        this.userAgent = userAgent;
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "warta-fetch-deadlines");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(guard))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .build())
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(4)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .setConnectionRequestTimeout(Timeout.of(totalDeadline))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(userAgent)
                .build();
    }

    static String userAgent(String publicUrl) {
        return "Warta/" + VERSION + " (feed aggregator" + (publicUrl == null ? "" : "; +" + publicUrl) + ")";
    }

    public String userAgent() {
        return userAgent;
    }

    /**
     * {@link #fetch}, in its turn: first waits (up to the total deadline) for a slot of the request's host,
     * which it holds while fetching, so that this fetch counts against {@code warta.poll.max-per-host} for every
     * Warta process. For upstream feeds and article pages; a caller that holds a slot already calls {@link #fetch}.
     */
    public FetchResult fetchPolitely(FetchRequest request) throws FetchException {
        try (HostSlot slot = slots.acquire(HostSlots.hostOf(checkUrl(request.url())), totalDeadline)) {
            return fetch(request);
        }
    }

    public FetchResult fetch(FetchRequest request) throws FetchException {
        long deadline = System.nanoTime() + totalDeadline.toNanos();
        long limit = request.maxBytes() > 0 ? request.maxBytes() : maxBodyBytes;
        URI url = checkUrl(request.url());
        String method = request.method();
        byte[] body = request.body();
        List<FetchResult.Redirect> redirects = new ArrayList<>();
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new FetchException(FetchException.Reason.TIMEOUT,
                        "gave up on " + url + " after " + totalDeadline.toSeconds() + " s (total deadline)");
            }
            HttpUriRequestBase http = new HttpUriRequestBase(method, url);
            request.headers().forEach(http::setHeader);
            if (body != null) {
                http.setEntity(new ByteArrayEntity(body, request.contentType() == null ? ContentType.APPLICATION_OCTET_STREAM
                        : ContentType.parse(request.contentType())));
            }
            AtomicBoolean expired = new AtomicBoolean();
            ScheduledFuture<?> timer = deadlines.schedule(() -> {
                expired.set(true);
                http.cancel();
            }, remaining, TimeUnit.NANOSECONDS);
            try (ClassicHttpResponse response = client.executeOpen(null, http, null)) {
                int status = response.getCode();
                if (request.followRedirects() && isRedirect(status)) {
                    URI next = location(url, response);
                    redirects.add(new FetchResult.Redirect(status, url, next));
                    if (redirects.size() > maxRedirects) {
                        throw new FetchException(FetchException.Reason.REDIRECTS,
                                "more than " + maxRedirects + " redirects, starting at " + request.url());
                    }
                    if (status == 303 || ((status == 301 || status == 302) && "POST".equals(method))) {
                        method = "GET";
                        body = null;
                    }
                    url = next;
                    continue;
                }
                byte[] content = read(response.getEntity(), limit, url);
                return new FetchResult(url, status, headers(response), content, List.copyOf(redirects));
            } catch (FetchException e) {
                throw e;
            } catch (RefusedHostException e) {
                throw new FetchException(FetchException.Reason.REFUSED_ADDRESS, "refused to connect: " + e.getMessage(), e);
            } catch (IOException e) {
                throw translate(e, url, expired.get());
            } finally {
                timer.cancel(false);
            }
        }
    }

    private static URI checkUrl(URI url) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchException.Reason.INVALID, url + " is not an http or https URL");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new FetchException(FetchException.Reason.INVALID, url + " has no host");
        }
        if (url.getRawUserInfo() != null) {
            throw new FetchException(FetchException.Reason.INVALID, "URLs with credentials are not fetched");
        }
        return url;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI location(URI base, ClassicHttpResponse response) throws FetchException {
        Header header = response.getFirstHeader("Location");
        if (header == null || header.getValue().isBlank()) {
            throw new FetchException(FetchException.Reason.REDIRECTS, base + " answered " + response.getCode()
                    + " without a Location");
        }
        try {
            return checkUrl(base.resolve(header.getValue().strip().replace(" ", "%20")));
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Reason.REDIRECTS, base + " redirects to an invalid Location \""
                    + header.getValue() + "\"", e);
        }
    }

    private static byte[] read(HttpEntity entity, long limit, URI url) throws IOException, FetchException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentEncoding() == null && entity.getContentLength() > limit) {
            throw tooLarge(url, limit);
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return new byte[0];
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw tooLarge(url, limit);
            }
            return bytes;
        }
    }

    private static FetchException tooLarge(URI url, long limit) {
        return new FetchException(FetchException.Reason.TOO_LARGE, url + " sent more than " + limit + " bytes");
    }

    private static Map<String, List<String>> headers(ClassicHttpResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
        }
        headers.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(headers);
    }

    private FetchException translate(IOException e, URI url, boolean expired) {
        if (expired) {
            return new FetchException(FetchException.Reason.TIMEOUT,
                    "gave up on " + url + " after " + totalDeadline.toSeconds() + " s (total deadline)", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RefusedHostException refused) {
                return new FetchException(FetchException.Reason.REFUSED_ADDRESS, "refused to connect: " + refused.getMessage(), e);
            }
        }
        if (e instanceof UnknownHostException) {
            return new FetchException(FetchException.Reason.UNKNOWN_HOST, "unknown host " + url.getHost(), e);
        }
        if (e instanceof ConnectTimeoutException) {
            return new FetchException(FetchException.Reason.TIMEOUT, "could not connect to " + url.getHost() + " in time", e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new FetchException(FetchException.Reason.TIMEOUT, url.getHost() + " stopped answering", e);
        }
        Log.debugf(e, "Fetching %s failed", url);
        return new FetchException(FetchException.Reason.CONNECTION, "connection to " + url.getHost() + " failed: " + e.getMessage(), e);
    }

    @PreDestroy
    void close() {
        deadlines.shutdownNow();
        try {
            client.close();
        } catch (IOException e) {
            Log.debug("Closing the HTTP client failed", e);
        }
    }

    /** The host's addresses, each allowed by the guard; the client connects only to these. */
    static final class GuardedDnsResolver implements DnsResolver {
        private final AddressGuard guard;

        GuardedDnsResolver(AddressGuard guard) {
            this.guard = guard;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            try {
                return guard.resolve(host).toArray(InetAddress[]::new);
            } catch (RefusedAddressException e) {
                throw new RefusedHostException(e.getMessage());
            }
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /** Carries a refusal through the client's resolver contract, which only allows UnknownHostException. */
    static final class RefusedHostException extends UnknownHostException {
        RefusedHostException(String message) {
            super(message);
        }
    }
}
