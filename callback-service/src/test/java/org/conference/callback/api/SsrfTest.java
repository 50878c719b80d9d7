package org.conference.callback.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;

/**
 * With private targets refused, as in production: a callback URL naming a loopback, private, link-local (cloud
 * metadata), unspecified or IPv4-mapped loopback address is never called; its delivery ends as refused, with the
 * reason, in the operations API.
 */
@TestPropertySource(properties = "conference.callbacks.allow-private-targets=false")
class SsrfTest extends CallbackTestBase {

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:{port}/ssrf",
            "http://localhost:{port}/ssrf",
            "http://2130706433:{port}/ssrf",
            "http://[::1]:{port}/ssrf",
            "http://[::ffff:127.0.0.1]:{port}/ssrf",
            "http://0.0.0.0:{port}/ssrf",
            "http://10.1.2.3/ssrf",
            "http://192.168.1.1/ssrf",
            "http://172.16.0.1/ssrf",
            "http://169.254.169.254/latest/meta-data/",
            "http://[fe80::1]/ssrf",
            "http://224.0.0.1/ssrf"})
    void aPrivateTargetIsRefusedAndTheReasonShown(String template) {
        String url = template.replace("{port}", Integer.toString(receiver.port()));
        Subscriber owner = subscriberAt(null, 3, url);

        String eventId = feed.meetingEvent(System.nanoTime() % 1_000_000_000L, 1, owner.sid(), "call.joined");

        Map<String, Object> refused = awaitDelivery(owner, eventId, "refused");
        assertThat((String) refused.get("lastError")).contains("must not target a private");
        assertThat(refused).containsEntry("attempts", 0).containsEntry("url", url);
        assertThat(receiver.requests()).isEmpty();
    }
}
