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
            } catch (IOException | RuntimeException e) {
                // the client hung up (deadline, cap): nothing to do
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

    /** Handler errors are not recorded yet. */
    public void assertNoHandlerErrors() {
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
