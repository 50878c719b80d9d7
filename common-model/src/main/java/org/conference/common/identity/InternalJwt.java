package org.conference.common.identity;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints and verifies the {@code X-Conference-Identity} token (ARCHITECTURE.md §3.3): HS256 over claims {@code sub},
 * {@code role} (1–3, or {@code "service"}), {@code lineage}, {@code iat} and {@code exp}.
 */
public class InternalJwt {

    public static final String HEADER = "X-Conference-Identity";
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(60);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    private static final String SERVICE_ROLE = "service";

    private final byte[] secret;
    private final Clock clock;

    public InternalJwt(String secret, Clock clock) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException(
                    "CONFERENCE_INTERNAL_JWT_SECRET must be set to at least 32 bytes (ARCHITECTURE.md §3)");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    public InternalJwt(String secret) {
        this(secret, Clock.systemUTC());
    }

    public String mint(Identity identity, Duration lifetime) {
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("identity tokens live at most " + MAX_LIFETIME);
        }
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(identity.sid())
                .claim("role", identity.role() == Role.SERVICE ? SERVICE_ROLE : identity.role().code())
                .claim("lineage", identity.lineage())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign identity token", e);
        }
        return jwt.serialize();
    }

    public String mint(Identity identity) {
        return mint(identity, MAX_LIFETIME);
    }

    /** The identity in {@code token}, or empty when it is malformed, forged, of another algorithm or expired. */
    public Optional<Identity> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                return Optional.empty();
            }
            return identityOf(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<Identity> identityOf(JWTClaimsSet claims) throws ParseException {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null || claims.getSubject() == null
                || exp.toInstant().plus(CLOCK_SKEW).isBefore(now)
                || iat.toInstant().minus(CLOCK_SKEW).isAfter(now)
                || Duration.between(iat.toInstant(), exp.toInstant()).compareTo(MAX_LIFETIME) > 0) {
            return Optional.empty();
        }
        Optional<Role> role = roleOf(claims.getClaim("role"));
        if (role.isEmpty()) {
            return Optional.empty();
        }
        List<String> lineage = claims.getStringListClaim("lineage");
        return Optional.of(new Identity(claims.getSubject(), role.get(), lineage == null ? List.of() : lineage));
    }

    /**
     * Only the exact JSON integers 1, 2, 3 or the string {@code "service"}: a lenient reading (1.5 taken as 1, "1" as
     * 1) would let a token that no honest minter produces pass as a valid role. The JSON parser gives integers as
     * {@link Long} (or {@link Integer}) and anything with a fraction or exponent as {@link Double}.
     */
    private static Optional<Role> roleOf(Object claim) {
        if (SERVICE_ROLE.equals(claim)) {
            return Optional.of(Role.SERVICE);
        }
        if (claim instanceof Long || claim instanceof Integer) {
            long code = ((Number) claim).longValue();
            if (code >= 1 && code <= 3) {
                return Optional.of(Role.ofSubscriberCode((int) code));
            }
        }
        return Optional.empty();
    }
}
