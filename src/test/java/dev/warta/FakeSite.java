package dev.warta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A remote site for tests — an upstream feed, a news site, a WebSub subscriber: a real HTTP server on
 * loopback. Routes (by path) can be replaced while it runs, a fallback answers what no route names; every
 * request is counted by its path and query and its headers recorded.
 *
 * <p>A handler that throws (a missing fixture, an assertion about the request) is a broken test, not a
 * dropped connection: the request is answered 500 when headers were not sent yet, the error is kept, and
 * {@link #close()} (every test closes its sites) or {@link #assertNoHandlerErrors()} fails with it. An
 * {@code IOException} raised by the exchange's own streams is the client hanging up (a deadline, a size
 * cap) and is no error.
 */
public final class FakeSite implements AutoCloseable {

    /** A request as the site saw it. */
    public record Request(String path, String query, Map<String, List<String>> headers) {
        /** Path, and {@code ?query} when there is one. */
        public String target() {
            return query == null ? path : path + "?" + query;
        }

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile HttpHandler fallback = ex -> send(ex, 404, "text/plain", "not here".getBytes());
    private final List<AssertionError> handlerErrors = new CopyOnWriteArrayList<>();
    /** Handlers interrupted or cut off by {@link #close()} are not errors. */
    private volatile boolean closing;

    public FakeSite() {
        this("127.0.0.1");
    }

    public FakeSite(String address) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            Request request = new Request(exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()));
            hits.computeIfAbsent(request.target(), p -> new AtomicInteger()).incrementAndGet();
            requests.add(request);
            HttpHandler handler = routes.getOrDefault(request.path(), fallback);
            try {
                handler.handle(exchange);
            } catch (IOException | RuntimeException | Error e) {
                if (!hungUp(e)) {
                    failed(request, exchange, e);
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String base() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    public String url(String pathAndQuery) {
        return base() + pathAndQuery;
    }

    public FakeSite route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Answers requests whose path no route names (404 until set). */
    public FakeSite fallback(HttpHandler handler) {
        this.fallback = handler;
        return this;
    }

    /** Serves bytes with a Content-Type and, when given, an ETag honoured with 304. */
    public FakeSite serve(String path, String contentType, byte[] body, String etag) {
        return route(path, ex -> {
            if (etag != null) {
                ex.getResponseHeaders().set("ETag", etag);
                ex.getResponseHeaders().set("Last-Modified", "Mon, 19 Dec 2022 10:00:00 GMT");
                if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
            }
            send(ex, 200, contentType, body);
        });
    }

    public FakeSite serve(String path, String contentType, byte[] body) {
        return serve(path, contentType, body, null);
    }

    /** Requests for this path (and query, when it names one: {@code /a?page=2}). */
    public int hits(String pathAndQuery) {
        AtomicInteger n = hits.get(pathAndQuery);
        return n == null ? 0 : n.get();
    }

    public Map<String, Integer> allHits() {
        Map<String, Integer> all = new ConcurrentHashMap<>();
        hits.forEach((k, v) -> all.put(k, v.get()));
        return all;
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    /**
     * Fails with every error a request handler threw since the last call (each is reported once), naming the
     * request it answered.
     */
    public void assertNoHandlerErrors() {
        if (handlerErrors.isEmpty()) {
            return;
        }
        List<AssertionError> errors = List.copyOf(handlerErrors);
        handlerErrors.removeAll(errors);
        StringBuilder message = new StringBuilder(errors.size() + " request handler(s) of FakeSite " + base() + " threw:");
        errors.forEach(e -> message.append("\n  ").append(e.getMessage()));
        AssertionError failure = new AssertionError(message.toString(), errors.get(0).getCause());
        errors.stream().skip(1).forEach(e -> failure.addSuppressed(e.getCause()));
        throw failure;
    }

    /** Stops the server, then fails as {@link #assertNoHandlerErrors()} does. */
    @Override
    public void close() {
        closing = true;
        server.stop(0);
        executor.shutdownNow();
        assertNoHandlerErrors();
    }

    private void failed(Request request, HttpExchange exchange, Throwable e) {
        if (closing) {
            return;
        }
        handlerErrors.add(new AssertionError(request.target() + ": " + e, e));
        if (exchange.getResponseCode() == -1) {
            try {
                send(exchange, 500, "text/plain; charset=utf-8",
                        ("FakeSite handler failed: " + e).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException ignored) {
                // the error is kept; the client sees a dropped connection
            }
        }
    }

    /**
     * Whether the exchange's own streams raised it, i.e. the client left: walking down from where it was
     * thrown, the JDK server's classes come before any test code (every handler runs on top of them).
     */
    static boolean hungUp(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    if (frame.getClassName().startsWith("sun.net.httpserver.")) {
                        return true;
                    }
                    if (frame.getClassName().startsWith("dev.warta.")) {
                        break;
                    }
                }
            }
        }
        return false;
    }
}
