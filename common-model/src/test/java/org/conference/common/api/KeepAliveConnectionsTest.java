package org.conference.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.conference.common.ProbeApplication;
import org.conference.common.identity.Identity;
import org.conference.common.identity.InternalJwt;
import org.conference.common.identity.Role;
import org.conference.testsupport.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A keep-alive connection keeps being answered after a request that is answered at once (a 404 from memory) came in
 * while the one before it, answered later (as anything that waits for MongoDB is), was still being finished. Reactor
 * Netty 1.3.6 stops reading such a connection ({@link KeepAliveReads}); provisioning's tests met it as a call-flow
 * request that got no answer within 30 s, right after a call-flow 404 that came right after a login. Pipelining the
 * two requests makes the second one arrive early every time; a client that waits for each answer makes it so only
 * now and then (provisioning's {@code KeepAliveConnectionTest} runs that race against the real service).
 */
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "conference.identity.jwt-secret=0123456789abcdef0123456789abcdef")
class KeepAliveConnectionsTest {

    /** Every answer here takes milliseconds; one that has not come in this long never comes. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    @LocalServerPort
    private int port;

    @Autowired
    private InternalJwt jwt;

    @Test
    void aPipelinedRequestAnsweredAtOnceLeavesTheConnectionReadingTheNext() {
        try (RawHttp.Connection connection = RawHttp.Connection.open(port, ANSWER_TIMEOUT)) {
            connection.send(get("/probes/slow"), get("/probes/7"));
            assertThat(connection.next().status()).isEqualTo(200);
            assertThat(connection.next().status()).isEqualTo(404);

            connection.send(get("/probes/8"));
            RawHttp.Response third = connection.next();
            assertThat(third.status()).isEqualTo(404);
            assertThat(third.body()).contains("cannot find probe");
        }
    }

    private String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + InternalJwt.HEADER + ": " + token() + "\r\n\r\n";
    }

    private String token() {
        return jwt.mint(new Identity("sid-1", Role.USER, List.of("root", "sid-1")));
    }
}
