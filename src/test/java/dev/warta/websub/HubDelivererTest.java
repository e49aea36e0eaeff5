package dev.warta.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class HubDelivererTest {

    @Test
    void backoffDoublesUpToTheMaximum() {
        Duration initial = Duration.ofMinutes(1);
        Duration max = Duration.ofMinutes(10);
        assertThat(HubDeliverer.backoff(1, initial, max)).isEqualTo(Duration.ofMinutes(1));
        assertThat(HubDeliverer.backoff(2, initial, max)).isEqualTo(Duration.ofMinutes(2));
        assertThat(HubDeliverer.backoff(4, initial, max)).isEqualTo(Duration.ofMinutes(8));
        assertThat(HubDeliverer.backoff(5, initial, max)).isEqualTo(Duration.ofMinutes(10));
        assertThat(HubDeliverer.backoff(500, initial, max)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void signsWithHmacSha256InHex() {
        // RFC 4231 test case 2
        assertThat(HubDeliverer.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
