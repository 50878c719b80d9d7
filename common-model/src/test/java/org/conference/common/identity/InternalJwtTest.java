package org.conference.common.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

class InternalJwtTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private final Instant now = Instant.parse("2026-11-28T10:00:00Z");
    private final InternalJwt jwt = new InternalJwt(SECRET, Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void roundTripsASubscriberIdentity() {
        Identity alice = new Identity("alice", Role.OPERATOR, List.of("root", "alice"));
        assertThat(jwt.verify(jwt.mint(alice))).contains(alice);
    }

    @Test
    void roundTripsAServiceIdentity() {
        assertThat(jwt.verify(jwt.mint(Identity.service("meeting-service"))).orElseThrow().role())
                .isEqualTo(Role.SERVICE);
    }

    @Test
    void refusesTokensSignedWithAnotherSecret() {
        InternalJwt other = new InternalJwt("another-secret-another-secret-xx", Clock.fixed(now, ZoneOffset.UTC));
        assertThat(jwt.verify(other.mint(Identity.service("x")))).isEmpty();
    }

    @Test
    void refusesExpiredTokensAndTokensFromTheFuture() {
        String token = jwt.mint(new Identity("a", Role.USER, List.of("a")), Duration.ofSeconds(30));
        InternalJwt later = new InternalJwt(SECRET, Clock.fixed(now.plusSeconds(60), ZoneOffset.UTC));
        InternalJwt earlier = new InternalJwt(SECRET, Clock.fixed(now.minusSeconds(60), ZoneOffset.UTC));
        assertThat(later.verify(token)).isEmpty();
        assertThat(earlier.verify(token)).isEmpty();
    }

    @Test
    void refusesTamperedAndMalformedTokens() {
        String token = jwt.mint(new Identity("a", Role.USER, List.of("a")));
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "xx." + parts[2];
        assertThat(jwt.verify(tampered)).isEmpty();
        assertThat(jwt.verify("not-a-jwt")).isEmpty();
        assertThat(jwt.verify("")).isEmpty();
        assertThat(jwt.verify(null)).isEmpty();
    }

    @Test
    void neverMintsALongLivedToken() {
        assertThatThrownBy(() -> jwt.mint(Identity.service("x"), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> new InternalJwt("short")).hasMessageContaining("32 bytes");
    }

    @Test
    void administratorsAndOperatorsReachTheirDescendantsOnly() {
        Identity admin = new Identity("adm", Role.ADMINISTRATOR, List.of("root", "adm"));
        Identity operator = new Identity("op", Role.OPERATOR, List.of("root", "op"));
        Identity user = new Identity("u", Role.USER, List.of("root", "adm", "u"));
        List<String> childOfAdmin = List.of("root", "adm", "child");
        assertThat(admin.reaches("child", childOfAdmin)).isTrue();
        assertThat(operator.reaches("child", childOfAdmin)).isFalse();
        assertThat(user.reaches("child", childOfAdmin)).isFalse();
        assertThat(user.reaches("u", user.lineage())).isTrue();
    }

    @Test
    void onlyAdministratorsGrantRolesAndNeverAboveTheirOwn() {
        assertThat(Role.ADMINISTRATOR.mayGrant(Role.ADMINISTRATOR)).isTrue();
        assertThat(Role.ADMINISTRATOR.mayGrant(Role.USER)).isTrue();
        assertThat(Role.ADMINISTRATOR.mayGrant(Role.SERVICE)).isFalse();
        assertThat(Role.OPERATOR.mayGrant(Role.USER)).isFalse();
    }

    @Test
    void acceptsExactlyTheIntegerRolesOneToThreeAndTheServiceRole() {
        assertThat(jwt.verify(signedWithRole(1)).orElseThrow().role()).isEqualTo(Role.ADMINISTRATOR);
        assertThat(jwt.verify(signedWithRole(2)).orElseThrow().role()).isEqualTo(Role.OPERATOR);
        assertThat(jwt.verify(signedWithRole(3)).orElseThrow().role()).isEqualTo(Role.USER);
        assertThat(jwt.verify(signedWithRole("service")).orElseThrow().role()).isEqualTo(Role.SERVICE);
    }

    @Test
    void refusesAFractionalRoleInsteadOfTruncatingIt() {
        assertThat(jwt.verify(signedWithRole(1.5))).isEmpty();
        assertThat(jwt.verify(signedWithRole(2.9))).isEmpty();
        assertThat(jwt.verify(signedWithRole(1.0))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 4, -1, 257, Integer.MAX_VALUE + 2L})
    void refusesIntegerRolesOutsideOneToThree(long role) {
        assertThat(jwt.verify(signedWithRole(role))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "3", "Service", "SERVICE", "administrator", ""})
    void refusesRolesWrittenAsOtherStrings(String role) {
        assertThat(jwt.verify(signedWithRole(role))).isEmpty();
    }

    @Test
    void refusesBooleanListObjectAndMissingRoles() {
        assertThat(jwt.verify(signedWithRole(true))).isEmpty();
        assertThat(jwt.verify(signedWithRole(false))).isEmpty();
        assertThat(jwt.verify(signedWithRole(List.of(1)))).isEmpty();
        assertThat(jwt.verify(signedWithRole(Map.of("code", 1)))).isEmpty();
        assertThat(jwt.verify(signed(claims -> { }))).isEmpty();
    }

    @Test
    void refusesARoleClaimWrittenAsAJsonNull() {
        String token = signed(claims -> claims.serializeNullClaims(true).claim("role", null));
        assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8)).contains("\"role\":null");
        assertThat(jwt.verify(token)).isEmpty();
    }

    private String signedWithRole(Object role) {
        return signed(claims -> claims.claim("role", role));
    }

    /** A correctly signed, unexpired token whose claims are otherwise those {@code role} sets. */
    private String signed(Consumer<JWTClaimsSet.Builder> role) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("a").claim("lineage", List.of("a"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(30)));
        role.accept(claims);
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            token.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }
}
