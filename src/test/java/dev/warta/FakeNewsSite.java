package dev.warta;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A news site on loopback serving the page fixtures. Absolute links to the real sites in the fixtures are
 * rewritten to this server, so canonical URLs, "Baca juga" links and next pages all point here.
 */
public final class FakeNewsSite implements AutoCloseable {

    public static final String PUTIN = "/internasional/2022/12/19/"
            + "presiden-rusia-vladimir-putin-kunjungi-belarusia-bahas-kerja-sama-militer-dan-aliansi-rusia-belarus";
    public static final String INFRASTRUKTUR = "/internasional/2022/12/19/"
            + "infrastruktur-penting-ukraina-hancur-dihajar-drone-rusia-zelensky-minta-warga-kabur";
    public static final String BANJIR = "/makassar/2023/01/04/banjir-rendam-ratusan-rumah-di-makassar-warga-mengungsi-ke-masjid";
    public static final String GEMPA = "/nasional/gempa-susulan-guncang-cianjur-bmkg-minta-warga-waspada/";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final String base;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    /** Extra pages by path (with query), e.g. for loops and broken next pages: status, content type, body. */
    private final Map<String, Object[]> extra = new ConcurrentHashMap<>();

    public FakeNewsSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", this::handle);
        server.start();
    }

    public String base() {
        return base;
    }

    public String url(String pathAndQuery) {
        return base + pathAndQuery;
    }

    /** Requests served for this path and query. */
    public int hits(String pathAndQuery) {
        return hits.getOrDefault(pathAndQuery, new AtomicInteger()).get();
    }

    public void serve(String pathAndQuery, int status, String contentType, String body) {
        extra.put(pathAndQuery, new Object[] { status, contentType, body });
    }

    /** A fixture as this site serves it: links to the real sites point here. */
    public String page(String fixture) {
        return Fixtures.resource(fixture)
                .replace("https://www.tribunnews.com", base)
                .replace("https://makassar.tribunnews.com", base)
                .replace("https://kabarnusantara.example", base);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String key = query == null ? path : path + "?" + query;
            hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            Object[] page = extra.get(key);
            if (page != null) {
                send(exchange, (Integer) page[0], (String) page[1], (String) page[2]);
            } else if (path.equals(PUTIN) && "page=2".equals(query)) {
                send(exchange, 200, "text/html; charset=utf-8", page("pages/tribunnews-putin-belarusia-page-2.html"));
            } else if (path.equals(PUTIN) && (query == null || query.equals("page=1"))) {
                send(exchange, 200, "text/html; charset=utf-8", page("pages/tribunnews-putin-belarusia.html"));
            } else if (path.equals(BANJIR)) {
                send(exchange, 200, "text/html", page("pages/tribun-timur-banjir-makassar.html"));
            } else if (path.equals(GEMPA)) {
                send(exchange, 200, "text/html; charset=UTF-8", page("pages/kabar-nusantara-gempa-cianjur.html"));
            } else {
                send(exchange, 404, "text/html", "<html><body><h1>Halaman tidak ditemukan</h1></body></html>");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
