package org.conference.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints {@code X-Conference-Identity} tokens the way ARCHITECTURE.md §3.3 describes them, independently of the
 * services' own code, so tests catch a service whose verifier drifts from the contract.
 */
public final class TestIdentities {

    public static final String HEADER = "X-Conference-Identity";

    /** A subscriber token: role 1 administrator, 2 operator, 3 regular user. */
    public static String subscriber(String sid, int role, List<String> lineage) {
        return sign(sid, role, lineage, BackingServicesInitializer.TEST_JWT_SECRET, Instant.now());
    }

    public static String service(String name) {
        return sign(name, "service", List.of(name), BackingServicesInitializer.TEST_JWT_SECRET, Instant.now());
    }

    public static String sign(String sid, Object role, List<String> lineage, String secret, Instant issuedAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(sid)
                .claim("role", role)
                .claim("lineage", lineage)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plusSeconds(60)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private TestIdentities() {
    }
}
