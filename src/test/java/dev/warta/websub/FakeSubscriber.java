package dev.warta.websub;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A WebSub subscriber on loopback: answers verification GETs by echoing {@code hub.challenge} (or not),
 * and records every delivery POST. {@code deliveryStatus} is what it answers to deliveries.
 */
final class FakeSubscriber implements AutoCloseable {

    record Verification(Map<String, String> params, int answeredStatus) {
    }

    record Delivery(Headers headers, byte[] body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    final List<Verification> verifications = new CopyOnWriteArrayList<>();
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    volatile boolean confirm = true;
    volatile int deliveryStatus = 204;

    FakeSubscriber() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String callback(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("GET")) {
                Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
                byte[] body = confirm && params.containsKey("hub.challenge")
                        ? params.get("hub.challenge").getBytes(StandardCharsets.UTF_8)
                        : "no".getBytes(StandardCharsets.UTF_8);
                int status = confirm ? 200 : 404;
                verifications.add(new Verification(params, status));
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            } else {
                byte[] body = exchange.getRequestBody().readAllBytes();
                deliveries.add(new Delivery(exchange.getRequestHeaders(), body));
                exchange.sendResponseHeaders(deliveryStatus, -1);
            }
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq < 0 ? pair.length() : eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
