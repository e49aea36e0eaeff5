package dev.warta.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The address a request comes from, as sign-in limits count it: the connection's peer, or the forwarded client only
 * when {@code quarkus.http.proxy.trusted-proxies} is set (then Quarkus takes {@code Forwarded}/{@code X-Forwarded-For}
 * from those proxies alone). Without that setting Quarkus believes the header from any peer, so it is not read
 * here: a client cannot dodge its bound by inventing addresses. An IPv6 client counts by its /64, the block one
 * subscriber usually holds.
 */
@ApplicationScoped
public class ClientAddresses {

    private final boolean proxiesTrusted;

    ClientAddresses(@ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trustedProxies) {
        this.proxiesTrusted = trustedProxies.map(list -> list.stream().anyMatch(s -> !s.isBlank())).orElse(false);
    }

    public String of(HttpServerRequest request) {
        SocketAddress address = proxiesTrusted ? request.remoteAddress() : request.connection().remoteAddress();
        return address == null ? "unknown" : key(address.hostAddress());
    }

    /** The address as counted: IPv4 as it is, IPv6 as its /64. */
    static String key(String host) {
        if (host == null || !host.contains(":")) {
            return host == null ? "unknown" : host;
        }
        try {
            byte[] bytes = InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return host;
        }
    }
}
