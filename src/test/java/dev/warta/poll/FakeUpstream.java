package dev.warta.poll;

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
 * An upstream site for tests: a real HTTP server on loopback. Routes can be replaced while it runs; every
 * request is counted per path and its headers recorded.
 */
public final class FakeUpstream implements AutoCloseable {

    /** A request as the upstream saw it. */
    public record Request(String path, Map<String, List<String>> headers) {
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

    public FakeUpstream() {
        this("127.0.0.1");
    }

    public FakeUpstream(String address) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders())));
            HttpHandler handler = routes.get(path);
            try {
                if (handler == null) {
                    send(exchange, 404, "text/plain", "not here".getBytes());
                } else {
                    handler.handle(exchange);
                }
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

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public FakeUpstream route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Serves bytes with a Content-Type and, when given, an ETag honoured with 304. */
    public FakeUpstream serve(String path, String contentType, byte[] body, String etag) {
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

    public FakeUpstream serve(String path, String contentType, byte[] body) {
        return serve(path, contentType, body, null);
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
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

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
