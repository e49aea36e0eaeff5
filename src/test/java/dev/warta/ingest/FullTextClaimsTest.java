package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FakeSite;
import dev.warta.TestDatabase;
import dev.warta.poll.Sources;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Claims of item pages as several Warta processes make them on one database: each page goes to one claimer, a run
 * takes at most its limit and its per-host share, and a claim whose holder died fails instead of being read twice.
 * The pages are queued with SQL here (no ingest event), so no worker of this process takes them first.
 */
@QuarkusTest
class FullTextClaimsTest {

    @Inject
    TestDatabase db;

    @Inject
    FullTextIngest fullText;

    FakeSite site;

    @BeforeEach
    void start() {
        db.clear();
        site = new FakeSite();
        StringBuilder feed = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>K</title>"
                + "<link>https://k.example/</link><description>d</description>");
        for (int i = 1; i <= 6; i++) {
            feed.append("<item><guid>g").append(i).append("</guid><title>Kabar ").append(i).append("</title><link>")
                    .append(site.url("/berita/" + i)).append("</link><description>r</description></item>");
        }
        site.serve("/rss.xml", "application/rss+xml", feed.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8));
        Sources.subscribe(site.url("/rss.xml"));
        db.execute("update source set full_text = true");
        db.execute("""
                insert into full_text_page (source_id, guid_hash, entry_id, page_url, host, created_at)
                select source_id, guid_hash, entry_id, 'http://127.0.0.1:9/berita/' || guid_hash, 'satu.example', now()
                from source_item""");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void eachPageGoesToOneClaimerAndARunTakesAtMostItsShareOfAHost() {
        Instant lease = Instant.now().plus(1, ChronoUnit.HOURS);
        List<FullTextClaim> a = fullText.claim(20, 4, lease, "process-a");
        List<FullTextClaim> b = fullText.claim(20, 4, lease, "process-b");
        assertThat(a).as("max-per-host of one host").hasSize(4);
        assertThat(b).as("the rest, none of a's").hasSize(2);
        assertThat(b).extracting(FullTextClaim::guidHash).doesNotContainAnyElementsOf(a.stream().map(FullTextClaim::guidHash).toList());
        assertThat(fullText.claim(20, 4, lease, "process-c")).isEmpty();
    }

    @Test
    void aRunTakesAtMostItsLimit() {
        assertThat(fullText.claim(3, 10, Instant.now().plus(1, ChronoUnit.HOURS), "process-a")).hasSize(3);
    }

    @Test
    void aClaimWhoseHolderDiedFailsAndItsLateResultIsNotWritten() {
        List<FullTextClaim> dead = fullText.claim(2, 4, Instant.now().plus(1, ChronoUnit.HOURS), "process-dead");
        db.execute("update full_text_page set lease_until = now() - interval '1 minute' where lease_owner = 'process-dead'");
        List<FullTextClaim> next = fullText.claim(20, 4, Instant.now().plus(1, ChronoUnit.HOURS), "process-alive");
        assertThat(next).as("the dead claims are not handed out again").hasSize(4)
                .extracting(FullTextClaim::guidHash).doesNotContainAnyElementsOf(dead.stream().map(FullTextClaim::guidHash).toList());
        assertThat(db.count("full_text_page where state = 'failed'")).isEqualTo(2);
        assertThat(Sources.get(dead.get(0).sourceId()).getInt("fullTextFailures")).isEqualTo(2);

        assertThat(fullText.store(dead.get(0), "<p>Terlambat datang dari proses yang sudah mati, tetapi panjang.</p>")).isFalse();
        assertThat(db.text("select coalesce(content_html, '') from entry where id = " + dead.get(0).entryId())).isEmpty();
    }
}
