package org.conference.callback.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.conference.callback.api.Receiver.Reply;
import org.conference.testsupport.PrometheusScrape;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * What an operator reads on callback-service's {@code /actuator/prometheus}: deliveries by outcome, attempts by
 * result, the end-to-end latency histogram and the queue depth, every series there from start-up.
 */
class CallbackMetricsTest extends CallbackTestBase {

    private static final String DELIVERIES = "conference_callbacks_deliveries_total";
    private static final String ATTEMPTS = "conference_callbacks_attempts_total";
    private static final String LATENCY = "conference_callbacks_delivery_latency_seconds";

    @LocalManagementPort
    private int managementPort;

    @Test
    void everyOutcomeResultAndTheLatencyBucketsAreExportedFromStartUp() {
        PrometheusScrape scrape = scrape();
        for (String outcome : List.of("succeeded", "failed", "refused")) {
            assertThat(scrape.has(DELIVERIES, Map.of("outcome", outcome))).as(outcome).isTrue();
        }
        for (String result : List.of("2xx", "3xx", "4xx", "5xx", "error")) {
            assertThat(scrape.has(ATTEMPTS, Map.of("result", result))).as(result).isTrue();
        }
        assertThat(scrape.names()).contains(LATENCY + "_bucket", LATENCY + "_count", LATENCY + "_sum",
                "conference_callbacks_queue_depth");
    }

    @Test
    void aDeliveryRetriedAfterA5xxCountsBothAttemptsItsSuccessAndItsLatency() {
        Subscriber owner = subscriber(null, 3, "/metrics-500");
        receiver.queue("/metrics-500", Reply.status(500));
        PrometheusScrape before = scrape();

        String eventId = feed.meetingEvent(ThreadLocalRandom.current().nextLong(100_000_000, 999_999_999), 1,
                owner.sid(), "call.joined");
        awaitDelivery(owner, eventId, "succeeded");

        // other deliveries may end meanwhile (earlier classes' events replayed to this context): at least ours
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PrometheusScrape after = scrape();
            assertThat(after.value(ATTEMPTS, Map.of("result", "5xx")))
                    .isGreaterThanOrEqualTo(before.value(ATTEMPTS, Map.of("result", "5xx")) + 1);
            assertThat(after.value(ATTEMPTS, Map.of("result", "2xx")))
                    .isGreaterThanOrEqualTo(before.value(ATTEMPTS, Map.of("result", "2xx")) + 1);
            assertThat(after.value(DELIVERIES, Map.of("outcome", "succeeded")))
                    .isGreaterThanOrEqualTo(before.value(DELIVERIES, Map.of("outcome", "succeeded")) + 1);
            assertThat(after.value(LATENCY + "_count")).isGreaterThanOrEqualTo(before.value(LATENCY + "_count") + 1);
            // the retry came after about a second: the latency recorded for it is at least that
            assertThat(after.value(LATENCY + "_sum") - before.value(LATENCY + "_sum")).isGreaterThanOrEqualTo(0.9);
        });
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of("http://127.0.0.1:" + managementPort);
    }
}
