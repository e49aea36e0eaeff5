package dev.warta.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressesTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, 127.0.0.1",
            "203.0.113.9, 203.0.113.9",
            "2001:db8:1:2:3:4:5:6, 2001:db8:1:2::/64",
            "2001:0db8:0001:0002:ffff:ffff:ffff:ffff, 2001:db8:1:2::/64",
            "[2001:db8::1], 2001:db8:0:0::/64",
            "::ffff:10.0.0.1, 10.0.0.1" })
    void countsAnIpv6ClientByItsSlash64(String address, String counted) {
        assertThat(ClientAddresses.key(address)).isEqualTo(counted);
    }
}
