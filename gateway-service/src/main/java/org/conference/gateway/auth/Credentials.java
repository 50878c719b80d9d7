package org.conference.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.conference.common.identity.AuthenticationRequest;

/** What a client presented in {@code Authorization} (ARCHITECTURE.md section 3.1). Secrets never appear in toString. */
public sealed interface Credentials {

    /** The login the credentials claim, for throttling; {@code null} for a token. */
    String login();

    AuthenticationRequest toRequest();

    /** The part that must match exactly for a cached success to apply. */
    String secretMaterial();

    /** Basic or Bearer (scheme case-insensitive); empty when malformed or of another scheme. */
    static Optional<Credentials> parse(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(value.substring(6).strip());
        }
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = value.substring(7).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(new Bearer(token));
        }
        return Optional.empty();
    }

    private static Optional<Credentials> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    record Basic(String login, String password) implements Credentials {

        @Override
        public AuthenticationRequest toRequest() {
            return AuthenticationRequest.basic(login, password);
        }

        @Override
        public String secretMaterial() {
            return "basic\u0000" + login + "\u0000" + password;
        }

        @Override
        public String toString() {
            return "Basic[login=" + login + ", password=***]";
        }
    }

    record Bearer(String token) implements Credentials {

        @Override
        public String login() {
            return null;
        }

        @Override
        public AuthenticationRequest toRequest() {
            return AuthenticationRequest.bearer(token);
        }

        @Override
        public String secretMaterial() {
            return "bearer\u0000" + token;
        }

        @Override
        public String toString() {
            return "Bearer[***]";
        }
    }
}
