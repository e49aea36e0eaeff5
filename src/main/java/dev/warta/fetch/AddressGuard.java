package dev.warta.fetch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.warta.WartaConfig;

/**
 * Decides which addresses Warta may connect to on behalf of users (upstream feeds, pages to ingest,
 * WebSub callbacks). Refused by default: loopback, private, link-local (cloud metadata included), CGNAT,
 * multicast, unspecified, reserved and unique-local addresses, also when wrapped in an IPv6 address
 * (IPv4-mapped, IPv4-compatible, 6to4, NAT64, Teredo). {@code warta.fetch.allowed-networks} lets an
 * operator allow networks before any of these rules apply.
 *
 * <p>The check applies to resolved addresses, and callers must connect to exactly the addresses that
 * passed (see {@link #resolve(String)}); checking a name and letting the HTTP client resolve it again
 * would let DNS rebinding through.
 */
@ApplicationScoped
public class AddressGuard {

    private static final List<Cidr> REFUSED_V4 = cidrs(
            "0.0.0.0/8",          // "this network", unspecified
            "10.0.0.0/8",         // private
            "100.64.0.0/10",      // carrier-grade NAT
            "127.0.0.0/8",        // loopback
            "169.254.0.0/16",     // link-local, cloud metadata (169.254.169.254)
            "172.16.0.0/12",      // private
            "192.0.0.0/24",       // IETF protocol assignments
            "192.0.2.0/24",       // documentation
            "192.88.99.0/24",     // 6to4 relay anycast
            "192.168.0.0/16",     // private
            "198.18.0.0/15",      // benchmarking
            "198.51.100.0/24",    // documentation
            "203.0.113.0/24",     // documentation
            "224.0.0.0/4",        // multicast
            "240.0.0.0/4");       // reserved, broadcast

    private static final List<Cidr> REFUSED_V6 = cidrs(
            "::/128",             // unspecified
            "::1/128",            // loopback
            "64:ff9b:1::/48",     // local-use NAT64
            "100::/64",           // discard-only
            "2001:db8::/32",      // documentation
            "fc00::/7",           // unique-local
            "fe80::/10",          // link-local
            "fec0::/10",          // site-local (deprecated)
            "ff00::/8");          // multicast

    private final boolean enabled;
    private final List<Cidr> allowed;

    @Inject
    AddressGuard(WartaConfig config) {
        this(config.fetch().addressGuard(), config.fetch().allowedNetworks().orElse(List.of()));
    }

    public AddressGuard(boolean enabled, List<String> allowedNetworks) {
        this.enabled = enabled;
        this.allowed = allowedNetworks.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    }

    /** Why this address is refused, or empty when Warta may connect to it. */
    public Optional<String> refusal(InetAddress address) {
        if (!enabled) {
            return Optional.empty();
        }
        for (Cidr network : allowed) {
            if (network.contains(address)) {
                return Optional.empty();
            }
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusedV4(bytes, address.getHostAddress());
        }
        for (Cidr network : REFUSED_V6) {
            if (network.contains(bytes)) {
                return Optional.of(address.getHostAddress() + " is in the refused network " + network);
            }
        }
        byte[] embedded = embeddedV4(bytes);
        if (embedded != null) {
            for (Cidr network : allowed) {
                if (network.contains(embedded)) {
                    return Optional.empty();
                }
            }
            return refusedV4(embedded, address.getHostAddress() + " (IPv4 " + v4Text(embedded) + ")");
        }
        return Optional.empty();
    }

    public boolean allows(InetAddress address) {
        return refusal(address).isEmpty();
    }

    /** Throws when the address is refused. */
    public void check(InetAddress address) throws RefusedAddressException {
        Optional<String> refusal = refusal(address);
        if (refusal.isPresent()) {
            throw new RefusedAddressException(refusal.get());
        }
    }

    /**
     * Resolves a host and returns its addresses, all of which are allowed. Refuses the host when any of its
     * addresses is refused: a name that points at both a public and a private address is not a public site.
     */
    public List<InetAddress> resolve(String host) throws UnknownHostException, RefusedAddressException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = InetAddress.getAllByName(bare);
        List<InetAddress> result = new ArrayList<>(addresses.length);
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                // "10.0.0.1 is in ..." for an address given as such; "intra.example resolves to 10.0.0.1, which is in ..."
                String why = refusal.get();
                throw new RefusedAddressException(literal(bare) ? why
                        : host + " resolves to " + why.replaceFirst(" is in ", ", which is in "));
            }
            result.add(address);
        }
        return result;
    }

    /** Whether the host is written as an address (an IP literal: names have no colons and not only digits). */
    private static boolean literal(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static Optional<String> refusedV4(byte[] v4, String shown) {
        for (Cidr network : REFUSED_V4) {
            if (network.contains(v4)) {
                return Optional.of(shown + " is in the refused network " + network);
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 address carries, for the forms that reach it; null for plain IPv6. */
    static byte[] embeddedV4(byte[] v6) {
        if (v6.length != 16) {
            return null;
        }
        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated)
        if (allZero(v6, 0, 10) && ((v6[10] == (byte) 0xFF && v6[11] == (byte) 0xFF) || (v6[10] == 0 && v6[11] == 0))) {
            return Arrays.copyOfRange(v6, 12, 16);
        }
        // 64:ff9b::a.b.c.d (NAT64 well-known prefix)
        if (v6[0] == 0 && v6[1] == 0x64 && v6[2] == (byte) 0xFF && v6[3] == (byte) 0x9B && allZero(v6, 4, 12)) {
            return Arrays.copyOfRange(v6, 12, 16);
        }
        // 2002:AABB:CCDD::/48 (6to4)
        if (v6[0] == 0x20 && v6[1] == 0x02) {
            return Arrays.copyOfRange(v6, 2, 6);
        }
        // 2001:0000::/32 (Teredo): the client's IPv4 is in the last 32 bits, inverted
        if (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0 && v6[3] == 0) {
            byte[] v4 = Arrays.copyOfRange(v6, 12, 16);
            for (int i = 0; i < 4; i++) {
                v4[i] = (byte) ~v4[i];
            }
            return v4;
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String v4Text(byte[] v4) {
        return (v4[0] & 0xFF) + "." + (v4[1] & 0xFF) + "." + (v4[2] & 0xFF) + "." + (v4[3] & 0xFF);
    }

    private static List<Cidr> cidrs(String... values) {
        return Arrays.stream(values).map(Cidr::parse).toList();
    }
}
