package dev.warta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures from the classpath. */
public final class Fixtures {

    public static final String TOKEN = "test-token";
    public static final String TOPIC_SLUG = "konflik-rusia-vs-ukraina";
    public static final String TOPIC_LABEL = "Konflik Rusia VS Ukraina";
    public static final String SAMPLE_TITLE =
            "Presiden Rusia Vladimir Putin Kunjungi Belarusia, Bahas Kerja Sama Militer dan Aliansi Rusia-Belarus";
    public static final String[] BACA_JUGA = {
            "Infrastruktur Penting Ukraina Hancur Dihajar Drone Rusia, Zelensky Minta Warga Kabur",
            "2 Warga Ukraina Ditangkap di Perbatasan Bulgaria Setelah Kedapatan Bawa 12 Kg Emas",
            "Perdana Menteri Inggris Rishi Sunak Umumkan Bantuan Militer 304 Juta Dolar untuk Ukraina" };

    private Fixtures() {
    }

    public static String sample() {
        return resource("samples/tribunnews-2022-12-19-putin-kunjungi-belarusia.txt");
    }

    public static String resource(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
