package dev.warta.web;

import java.security.MessageDigest;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.WartaConfig;

/**
 * The admin tokens ({@code warta.admin.tokens}) and the one way to check one: as SHA-256 digests compared
 * with {@link MessageDigest#isEqual}, against every configured token, so neither the length nor the content
 * leaks through timing. Used by the API's bearer filter and the editor page's sign-in.
 */
@ApplicationScoped
public class AdminTokens {

    private final List<byte[]> tokenDigests;

    AdminTokens(WartaConfig config) {
        this.tokenDigests = config.admin().tokens().orElse(List.of()).stream()
                .map(String::strip).filter(t -> !t.isEmpty()).map(AdminTokens::digest).toList();
    }

    public boolean accepted(String token) {
        if (token == null) {
            return false;
        }
        byte[] presented = digest(token.strip());
        boolean match = false;
        for (byte[] known : tokenDigests) {
            match |= MessageDigest.isEqual(known, presented);
        }
        return match;
    }

    public static byte[] digest(String value) {
        return dev.warta.Digests.sha256(value);
    }
}
