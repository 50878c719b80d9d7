package org.conference.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.conference.common.identity.Identity;
import org.conference.common.identity.InternalJwt;
import org.conference.common.identity.Role;
import org.conference.testsupport.BackingServicesInitializer;
import org.junit.jupiter.api.Test;

class IdentityTokensTest {

    private final InternalJwt jwt = new InternalJwt(BackingServicesInitializer.TEST_JWT_SECRET);
    private final IdentityTokens tokens = new IdentityTokens(jwt, Duration.ofSeconds(10));

    @Test
    void reusesATokenForTheSameIdentityOnly() {
        Identity user = new Identity("sid-a", Role.USER, List.of("sid-root", "sid-a"));
        Identity promoted = new Identity("sid-a", Role.OPERATOR, List.of("sid-root", "sid-a"));

        String first = tokens.tokenFor(user);
        assertThat(tokens.tokenFor(new Identity("sid-a", Role.USER, List.of("sid-root", "sid-a")))).isEqualTo(first);
        String changed = tokens.tokenFor(promoted);

        assertThat(changed).isNotEqualTo(first);
        assertThat(jwt.verify(first)).contains(user);
        assertThat(jwt.verify(changed)).contains(promoted);
    }

    @Test
    void neverReusesATokenForMoreThanHalfItsLife() {
        assertThatThrownBy(() -> new IdentityTokens(jwt, Duration.ofSeconds(31)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
