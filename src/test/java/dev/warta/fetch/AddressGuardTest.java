package dev.warta.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    private final AddressGuard guard = new AddressGuard(true, List.of());

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1", "127.255.255.254", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255", "224.0.0.1", "239.255.255.250",
            "0.0.0.0", "255.255.255.255", "198.18.0.1",
            "::1", "::", "fe80::1", "fc00::1", "fd12:3456:789a::1", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::127.0.0.1",
            "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "2002:7f00:1::1", "2002:a9fe:a9fe::", "2001:0:4136:e378:8000:63bf:80ff:fffe" })
    void refusesNonPublicAddressesAndTheirIpv6Forms(String literal) {
        assertThat(guard.refusal(ip(literal))).as(literal).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1",
            "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:93.184.216.34", "2002:5db8:d822::1" })
    void allowsPublicAddresses(String literal) {
        assertThat(guard.refusal(ip(literal))).as(literal).isEmpty();
    }

    @Test
    void allowedNetworksOpenExactlyThoseNetworks() {
        AddressGuard loopbackAllowed = new AddressGuard(true, List.of("127.0.0.0/8", "::1/128", "10.1.0.0/16"));
        assertThat(loopbackAllowed.allows(ip("127.0.0.1"))).isTrue();
        assertThat(loopbackAllowed.allows(ip("::1"))).isTrue();
        assertThat(loopbackAllowed.allows(ip("::ffff:127.0.0.1"))).isTrue();
        assertThat(loopbackAllowed.allows(ip("10.1.200.3"))).isTrue();
        assertThat(loopbackAllowed.allows(ip("10.2.0.1"))).isFalse();
        assertThat(loopbackAllowed.allows(ip("169.254.169.254"))).isFalse();
    }

    @Test
    void aDisabledGuardAllowsEverything() {
        assertThat(new AddressGuard(false, List.of()).allows(ip("169.254.169.254"))).isTrue();
    }

    @Test
    void refusesAHostThatResolvesToARefusedAddress() {
        assertThatThrownBy(() -> guard.resolve("localhost"))
                .isInstanceOf(RefusedAddressException.class).hasMessageContaining("localhost resolves to");
        assertThatThrownBy(() -> guard.resolve("[::1]")).isInstanceOf(RefusedAddressException.class);
    }

    @Test
    void saysInOneSentenceWhyANameOrAnAddressIsRefused() {
        assertThatThrownBy(() -> guard.resolve("127.0.0.1")).isInstanceOf(RefusedAddressException.class)
                .hasMessage("127.0.0.1 is in the refused network 127.0.0.0/8");
        assertThatThrownBy(() -> guard.resolve("localhost")).isInstanceOf(RefusedAddressException.class)
                .hasMessageMatching("localhost resolves to [0-9a-f:.]+, which is in the refused network [0-9a-f:./]+");
    }

    @Test
    void namesTheNetworkThatRefusedTheAddress() {
        assertThat(guard.refusal(ip("169.254.169.254"))).hasValueSatisfying(s -> assertThat(s).contains("169.254.0.0/16"));
        assertThat(guard.refusal(ip("::ffff:10.0.0.1"))).hasValueSatisfying(s -> assertThat(s).contains("10.0.0.0/8"));
    }

    @Test
    void rejectsMalformedNetworks() {
        assertThatThrownBy(() -> Cidr.parse("example.com/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Cidr.parse("10.0.0.0/8").contains(ip("10.255.0.1"))).isTrue();
        assertThat(Cidr.parse("fc00::/7").contains(ip("fdff::1"))).isTrue();
        assertThat(Cidr.parse("192.168.1.7").contains(ip("192.168.1.7"))).isTrue();
        assertThat(Cidr.parse("192.168.1.7").contains(ip("192.168.1.8"))).isFalse();
    }
}
