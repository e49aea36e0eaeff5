package dev.warta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/**
 * A broken route handler fails the test that owns the site (closing it throws), where it used to look like
 * a dropped connection; a client that hangs up mid-answer (a deadline, a size cap) is no error.
 */
class FakeSiteTest {

    @Test
    void aHandlerThatThrowsAnswers500AndFailsTheSiteWhenItCloses() {
        FakeSite site = new FakeSite();
        site.route("/broken.xml", ex -> {
            throw new IllegalStateException("no fixture named missing.xml");
        });
        var answer = Http.get(site.url("/broken.xml?x=1"));
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("no fixture named missing.xml");
        assertThatThrownBy(site::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("/broken.xml?x=1")
                .hasMessageContaining("IllegalStateException: no fixture named missing.xml")
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAssertionInAHandlerIsReportedAndEveryErrorOnce() {
        FakeSite site = new FakeSite();
        site.route("/a", ex -> {
            throw new AssertionError("expected an If-None-Match header");
        });
        site.route("/b", ex -> {
            throw new UncheckedIOException(new IOException("fixture unreadable"));
        });
        Http.get(site.url("/a"));
        Http.get(site.url("/b"));
        assertThatThrownBy(site::assertNoHandlerErrors).isInstanceOf(AssertionError.class)
                .hasMessageContaining("2 request handler(s) of FakeSite")
                .hasMessageContaining("expected an If-None-Match header")
                .hasMessageContaining("fixture unreadable");
        site.assertNoHandlerErrors();
        site.close();
    }

    @Test
    void aClientThatHangsUpMidAnswerIsNoError() throws IOException, InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        FakeSite site = new FakeSite();
        site.route("/huge.xml", ex -> {
            try {
                FakeSite.send(ex, 200, "application/rss+xml", new byte[64 * 1024 * 1024]);
            } finally {
                done.countDown();
            }
        });
        try (Socket socket = new Socket("127.0.0.1", site.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /huge.xml HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(in.readNBytes(1024)).hasSize(1024);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> done.getCount() == 0);
        site.close();
        assertThat(site.hits("/huge.xml")).isEqualTo(1);
    }
}
