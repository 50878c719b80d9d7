package org.conference.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {

    @Test
    void readsBasicCredentialsWithAColonInThePassword() {
        assertThat(Credentials.parse("basic " + encode("alice:pa:ss wörd")))
                .contains(new Credentials.Basic("alice", "pa:ss wörd"));
    }

    @Test
    void readsABearerToken() {
        assertThat(Credentials.parse("Bearer  MWMx0BU1YZE0MV== ")).contains(new Credentials.Bearer("MWMx0BU1YZE0MV=="));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Basic", "Basic !!!", "Basic bm9jb2xvbg==", "Basic OnNlY3JldA==", "Basic YWxpY2U6",
            "Bearer ", "Token abc", "Digest username=x"})
    void rejectsAnythingElse(String authorization) {
        assertThat(Credentials.parse(authorization)).isEmpty();
    }

    @Test
    void neverShowsSecrets() {
        assertThat(new Credentials.Basic("alice", "s3cret").toString()).contains("alice").doesNotContain("s3cret");
        assertThat(new Credentials.Bearer("t0ken").toString()).doesNotContain("t0ken");
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
