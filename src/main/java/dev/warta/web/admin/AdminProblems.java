package dev.warta.web.admin;

import java.net.URI;
import java.util.List;

import dev.warta.ProblemException;
import dev.warta.article.ArticleFormatException;
import dev.warta.web.ProblemStatus;

/**
 * Every problem the editor page can meet, said in Indonesian: the API's problems carry English details for
 * programs, so the page words them itself from their codes and what they name ({@code url}, {@code upstreamStatus},
 * {@code reason}, {@code mediaType}, {@code existing}).
 */
final class AdminProblems {

    private AdminProblems() {
    }

    static AdminPage.Problem of(ProblemException e, int maxPageBytes) {
        Object field = e.extensions().get("field");
        if (e instanceof ArticleFormatException f) {
            return new AdminPage.Problem("Bukan artikel dalam format teks redaksi", format(f), "content",
                    f.line() > 0 ? f.line() : null);
        }
        return new AdminPage.Problem(title(ProblemStatus.of(e)), detail(e, maxPageBytes), field == null ? null : field.toString(),
                null);
    }

    /** The error box's heading. */
    static String title(int status) {
        return switch (status) {
            case 400 -> "Isian tidak valid";
            case 404 -> "Tidak ditemukan";
            case 409 -> "Bertentangan dengan entri yang ada";
            case 413 -> "Terlalu besar";
            case 415 -> "Jenis isi tidak didukung";
            case 422 -> "Tidak dapat diproses";
            case 429 -> "Terlalu banyak percobaan";
            case 502 -> "Situs tidak dapat dihubungi";
            default -> "Terjadi kesalahan";
        };
    }

    private static String format(ArticleFormatException f) {
        return switch (f.fault()) {
            case EMPTY -> "Teksnya kosong.";
            case HEADLINE_IS_MARKER -> "Baris pertama harus judul, tetapi isinya \"" + f.subject() + "\".";
            case HEADLINE_TOO_LONG -> "Baris pertama harus judul, tetapi panjangnya " + f.subject()
                    + " karakter (paling banyak 300).";
            case NO_LINE_BREAKS -> "Baris pertama harus judul, tetapi seluruh teks (" + f.subject()
                    + " karakter) tidak punya baris baru. Lewat curl, -d membuang baris baru: kirim berkasnya dengan "
                    + "--data-binary @berkas.";
            case HEADLINE_WITHOUT_WORDS -> "Judul \"" + f.subject() + "\" tidak berisi huruf atau angka.";
        };
    }

    private static String detail(ProblemException e, int maxPageBytes) {
        String url = String.valueOf(e.extensions().getOrDefault("url", "alamat ini"));
        return switch (e.code()) {
            case "invalid-article" -> "Halaman yang ditempel kosong.";
            case "not-an-article" -> (e.extensions().containsKey("url") ? "Halaman di " + url : "Halaman ini")
                    + " tidak punya judul (og:title, \"headline\" dalam JSON-LD, atau h1), jadi tidak bisa dibaca sebagai artikel.";
            case "refused-address" -> "Warta tidak mengambil " + url + ": alamatnya berada di jaringan yang dijaga "
                    + "(loopback, jaringan privat, link-local, dan sejenisnya; diatur dengan warta.fetch.address-guard). "
                    + "Jaringan sendiri yang boleh dihubungi ditambahkan di warta.fetch.allowed-networks.";
            case "unknown-host" -> "Nama situs " + host(url) + " tidak dikenal: DNS tidak menemukannya. Periksa alamatnya.";
            case "too-large" -> "Halaman di " + url + " lebih besar dari " + maxPageBytes
                    + " byte (warta.ingest.max-page-bytes).";
            case "too-many-redirects" -> "Halaman di " + url + " dialihkan terlalu sering, atau ke alamat yang tidak sah.";
            case "not-html" -> url + " bukan halaman HTML (jenisnya " + e.extensions().get("mediaType") + ").";
            case "invalid-url" -> "Alamat " + url + " tidak bisa diambil: hanya alamat http atau https dengan nama situs, "
                    + "tanpa nama pengguna atau kata sandi.";
            case "fetch-failed" -> fetchFailed(e, url);
            case "conflict" -> conflict(e);
            default -> ProblemStatus.of(e) >= 500
                    ? "Warta tidak dapat menyelesaikan permintaan ini; kesalahannya tercatat di log Warta."
                    : "Permintaan ini tidak dapat diproses (kode " + e.code() + ").";
        };
    }

    private static String fetchFailed(ProblemException e, String url) {
        Object status = e.extensions().get("upstreamStatus");
        if (status instanceof Integer s) {
            if (s == 404 || s == 410) {
                return "Halaman di " + url + " tidak ada (HTTP " + s + ").";
            }
            if (s == 401 || s == 403) {
                return "Situs menolak memberikan halaman " + url + " (HTTP " + s + ").";
            }
            return s >= 500 ? "Situs " + host(url) + " sedang bermasalah (HTTP " + s + "). Coba lagi nanti."
                    : "Situs menjawab HTTP " + s + " untuk " + url + ".";
        }
        if ("timeout".equals(e.extensions().get("reason"))) {
            return "Situs " + host(url) + " tidak menjawab tepat waktu. Coba lagi nanti.";
        }
        return "Situs " + host(url) + " tidak dapat dihubungi (sambungan gagal). Periksa alamatnya, atau coba lagi nanti.";
    }

    private static String conflict(ProblemException e) {
        if (e.extensions().get("existing") instanceof List<?> ids && ids.size() == 2) {
            return "Alamat artikel ini milik entri " + ids.get(0) + ", tetapi judul dan tanggalnya milik entri " + ids.get(1)
                    + ". Hapus salah satunya dulu.";
        }
        return "Artikel ini bertentangan dengan entri yang sudah ada.";
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException ex) {
            return url;
        }
    }
}
