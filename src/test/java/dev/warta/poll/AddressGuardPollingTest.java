package dev.warta.poll;

import static dev.warta.poll.FeedParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.warta.FakeSite;
import dev.warta.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The address guard as a user of the API meets it: with only 127.0.0.2 allowed, every other non-public
 * address fails at once with a clear error on the source, and nothing is ever sent there.
 */
@QuarkusTest
@TestProfile(AddressGuardPollingTest.OnlyOneLoopbackAddressAllowed.class)
class AddressGuardPollingTest {

    public static class OnlyOneLoopbackAddressAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("warta.fetch.allowed-networks", "127.0.0.2/32");
        }
    }

    @Inject
    TestDatabase db;

    @BeforeEach
    void clear() {
        db.clear();
    }

    private static JsonPath refused(String url, String network) {
        long id = Sources.subscribe(url);
        JsonPath source = Sources.get(id);
        assertThat(source.getString("lastOutcome")).as(url).isEqualTo("refused");
        assertThat(source.getString("lastError")).as(url).contains("refused").contains(network);
        assertThat(source.getString("state")).isEqualTo("failing");
        return source;
    }

    @Test
    void refusesEveryClassOfNonPublicAddress() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("http://127.0.0.1:9/feed", "127.0.0.0/8"),
                Map.entry("http://10.0.0.1/feed", "10.0.0.0/8"),
                Map.entry("http://172.16.5.4/feed", "172.16.0.0/12"),
                Map.entry("http://192.168.1.1/feed", "192.168.0.0/16"),
                Map.entry("http://169.254.169.254/latest/meta-data/", "169.254.0.0/16"),
                Map.entry("http://100.64.0.1/feed", "100.64.0.0/10"),
                Map.entry("http://224.0.0.1/feed", "224.0.0.0/4"),
                Map.entry("http://0.0.0.0/feed", "0.0.0.0/8"),
                Map.entry("http://[::1]/feed", "::1/128"),
                Map.entry("http://[::]/feed", "::/128"),
                Map.entry("http://[fc00::1]/feed", "fc00::/7"),
                Map.entry("http://[fe80::1]/feed", "fe80::/10"),
                Map.entry("http://[ff02::1]/feed", "ff00::/8"),
                Map.entry("http://[::ffff:127.0.0.1]/feed", "127.0.0.0/8"),
                Map.entry("http://[64:ff9b::a00:1]/feed", "10.0.0.0/8"),
                Map.entry("http://[2002:a9fe:a9fe::]/feed", "169.254.0.0/16"));
        cases.forEach(AddressGuardPollingTest::refused);
    }

    @Test
    void refusesAHostnameThatResolvesToLoopbackAndSendsNothing() {
        try (FakeSite upstream = new FakeSite("127.0.0.1")) {
            upstream.serve("/feed.xml", "application/rss+xml", fixture("rss20.xml"));
            refused("http://localhost:" + upstream.port() + "/feed.xml", "refused network");
            refused(upstream.url("/feed.xml"), "127.0.0.0/8");
            assertThat(upstream.hits("/feed.xml")).as("never attempted").isZero();
        }
    }

    @Test
    void refusesARedirectFromAnAllowedAddressToARefusedOne() {
        try (FakeSite allowed = new FakeSite("127.0.0.2"); FakeSite target = new FakeSite("127.0.0.1")) {
            target.serve("/secret", "text/plain", "secret".getBytes());
            allowed.route("/feed.xml", ex -> {
                ex.getResponseHeaders().set("Location", target.url("/secret"));
                ex.sendResponseHeaders(302, -1);
            });
            refused("http://127.0.0.2:" + allowed.port() + "/feed.xml", "127.0.0.0/8");
            assertThat(allowed.hits("/feed.xml")).isEqualTo(1);
            assertThat(target.hits("/secret")).isZero();
        }
    }

    @Test
    void fetchesFromANetworkNamedInAllowedNetworks() {
        try (FakeSite upstream = new FakeSite("127.0.0.2")) {
            upstream.serve("/feed.xml", "application/rss+xml", fixture("rss20.xml"));
            long id = Sources.subscribe("http://127.0.0.2:" + upstream.port() + "/feed.xml");
            assertThat(Sources.get(id).getString("lastOutcome")).isEqualTo("fetched");
            assertThat(Sources.get(id).getInt("entries")).isEqualTo(2);
            assertThat(List.of(upstream.hits("/feed.xml"))).containsExactly(1);
        }
    }
}
