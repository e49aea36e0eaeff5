package dev.warta;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;

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

    private final FakeSite site = new FakeSite();
    /** Extra pages by path (with query), e.g. for loops and broken next pages. */
    private final Map<String, Page> extra = new ConcurrentHashMap<>();

    private record Page(int status, String contentType, String body) {
    }

    public FakeNewsSite() {
        site.fallback(this::handle);
    }

    public String base() {
        return site.base();
    }

    public String url(String pathAndQuery) {
        return site.url(pathAndQuery);
    }

    /** Requests served for this path and query. */
    public int hits(String pathAndQuery) {
        return site.hits(pathAndQuery);
    }

    public void serve(String pathAndQuery, int status, String contentType, String body) {
        extra.put(pathAndQuery, new Page(status, contentType, body));
    }

    /** A fixture as this site serves it: links to the real sites point here. */
    public String page(String fixture) {
        return Fixtures.resource(fixture)
                .replace("https://www.tribunnews.com", base())
                .replace("https://makassar.tribunnews.com", base())
                .replace("https://kabarnusantara.example", base());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        Page page = extra.get(query == null ? path : path + "?" + query);
        if (page == null) {
            page = fixture(path, query);
        }
        FakeSite.send(exchange, page.status(), page.contentType(), page.body().getBytes(StandardCharsets.UTF_8));
    }

    private Page fixture(String path, String query) {
        if (path.equals(PUTIN) && "page=2".equals(query)) {
            return new Page(200, "text/html; charset=utf-8", page("pages/tribunnews-putin-belarusia-page-2.html"));
        }
        if (path.equals(PUTIN) && (query == null || query.equals("page=1"))) {
            return new Page(200, "text/html; charset=utf-8", page("pages/tribunnews-putin-belarusia.html"));
        }
        if (path.equals(BANJIR)) {
            return new Page(200, "text/html", page("pages/tribun-timur-banjir-makassar.html"));
        }
        if (path.equals(GEMPA)) {
            return new Page(200, "text/html; charset=UTF-8", page("pages/kabar-nusantara-gempa-cianjur.html"));
        }
        return new Page(404, "text/html", "<html><body><h1>Halaman tidak ditemukan</h1></body></html>");
    }

    @Override
    public void close() {
        site.close();
    }
}
