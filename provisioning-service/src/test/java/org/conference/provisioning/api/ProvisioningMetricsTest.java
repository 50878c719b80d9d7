package org.conference.provisioning.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.conference.provisioning.outbox.OutboxRelay;
import org.conference.testsupport.PrometheusScrape;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What an operator reads on provisioning-service's {@code /actuator/prometheus}: writes by collection and operation,
 * and what the outbox still owes Kafka while the relay is down, back to nothing once it runs again.
 * <p>
 * A context of its own (the property makes it one): in the shared context the management server stops answering once
 * {@code TwoInstancesConcurrencyTest} has closed its second instance in the same JVM, while the API port still
 * serves; and a quick refresh keeps the waits short.
 */
@TestPropertySource(properties = "conference.metrics.refresh-interval=PT0.5S")
class ProvisioningMetricsTest extends ApiTestSupport {

    private static final String WRITES = "conference_provisioning_writes_total";

    @LocalManagementPort
    private int managementPort;

    @Autowired
    private OutboxRelay relay;

    @Test
    void everyCollectionAndOperationIsExportedFromStartUp() {
        PrometheusScrape scrape = scrape();
        for (String resource : List.of("subscribers", "didGroups", "dids", "meetingRooms")) {
            for (String operation : List.of("create", "update", "delete")) {
                assertThat(scrape.has(WRITES, Map.of("resource", resource, "operation", operation)))
                        .as(resource + " " + operation).isTrue();
            }
            assertThat(scrape.has("conference_outbox_pending", Map.of("collection", resource))).isTrue();
            assertThat(scrape.has("conference_outbox_lag_seconds", Map.of("collection", resource))).isTrue();
        }
    }

    @Test
    void creatingUpdatingAndDeletingADidCountsOneWriteOfEach() {
        Caller admin = subscriber(root, 1);
        long group = didGroup(admin);
        double created = writes("dids", "create");
        double updated = writes("dids", "update");
        double deleted = writes("dids", "delete");

        long did = did(admin, group);
        assertThat(writes("dids", "create")).isEqualTo(created + 1);
        put(admin, "/dids/" + did, Map.of("description", "front desk")).expectStatus().isOk();
        assertThat(writes("dids", "update")).isEqualTo(updated + 1);
        delete(admin, "/dids/" + did).expectStatus().isNoContent();
        assertThat(writes("dids", "delete")).isEqualTo(deleted + 1);
        assertThat(writes("dids", "create")).isEqualTo(created + 1);
    }

    @Test
    void aChangeNotYetRelayedShowsAsOutboxLagUntilTheRelayPublishesIt() {
        Caller admin = subscriber(root, 1);
        relay.stop();
        try {
            didGroup(admin);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                PrometheusScrape scrape = scrape();
                assertThat(scrape.value("conference_outbox_pending", Map.of("collection", "didGroups")))
                        .isGreaterThanOrEqualTo(1);
                assertThat(scrape.value("conference_outbox_lag_seconds", Map.of("collection", "didGroups")))
                        .isGreaterThan(0);
            });
        } finally {
            relay.start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PrometheusScrape scrape = scrape();
            assertThat(scrape.value("conference_outbox_pending", Map.of("collection", "didGroups"))).isZero();
            assertThat(scrape.value("conference_outbox_lag_seconds", Map.of("collection", "didGroups"))).isZero();
        });
    }

    private double writes(String resource, String operation) {
        return scrape().value(WRITES, Map.of("resource", resource, "operation", operation));
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of("http://localhost:" + managementPort);
    }
}
