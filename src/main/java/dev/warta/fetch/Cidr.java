package dev.warta.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network in CIDR notation, e.g. {@code 10.0.0.0/8} or {@code fc00::/7}. */
public record Cidr(byte[] network, int prefix, String text) {

    public static Cidr parse(String cidr) {
        String s = cidr.strip();
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        if (host.isEmpty() || !host.matches("[0-9A-Fa-f:.]+")) {
            // Only literals: a host name here would make the guard do DNS look-ups at start-up.
            throw new IllegalArgumentException("\"" + cidr + "\" is not a CIDR network such as 10.1.0.0/16 or fd00::/8");
        }
        byte[] address;
        try {
            address = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("\"" + cidr + "\" is not a CIDR network", e);
        }
        int max = address.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? max : Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + cidr + "\" has no valid prefix length", e);
        }
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("\"" + cidr + "\": prefix length must be 0.." + max);
        }
        return new Cidr(address, prefix, s);
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    @Override
    public String toString() {
        return text;
    }
}
