package org.conference.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.conference.common.events.Topics;
import org.conference.gateway.auth.SubscriberChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A record about a subscriber on the real broker's subscriber topic evicts its cached credentials at this gateway
 * (ARCHITECTURE.md section 3.2: within 5 s at every instance), so a changed password stops working.
 */
class SubscriberEvictionTest extends GatewayTestBase {

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    private WebTestClient http;

    @BeforeEach
    void waitForTheTopicAssignment() {
        http = clientFrom("127.0.0.81");
        MessageListenerContainer container = listeners.getListenerContainer(SubscriberChangeListener.LISTENER_ID);
        // The consumer starts at the latest offset: a record sent before it has its partitions would be missed.
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> container.getAssignedPartitions() != null && !container.getAssignedPartitions().isEmpty());
    }

    @Test
    void evictsOnASubscriberStateRecord() throws Exception {
        ProvisioningStub.User kim = provisioning.addUser("kim", "kim-password", 3);
        assertCachedAfterTwoRequests("kim", "kim-password");

        kafka.send(Topics.SUBSCRIBERS, kim.sid(), Map.of("sid", kim.sid(), "login", "kim", "version", 7)).get();

        awaitAnotherAuthentication("kim", "kim-password", 2);
    }

    @Test
    void evictsOnADeletionTombstone() throws Exception {
        ProvisioningStub.User lee = provisioning.addUser("lee", "lee-password", 3);
        assertCachedAfterTwoRequests("lee", "lee-password");

        kafka.send(Topics.SUBSCRIBERS, lee.sid(), null).get();

        awaitAnotherAuthentication("lee", "lee-password", 2);
    }

    private void assertCachedAfterTwoRequests(String login, String password) {
        for (int i = 0; i < 2; i++) {
            http.get().uri("/conference/v1/dids").header("Authorization", basic(login, password)).exchange()
                    .expectStatus().isOk();
        }
        assertThat(provisioning.authentications(login)).isEqualTo(1);
    }

    private void awaitAnotherAuthentication(String login, String password, int expected) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            http.get().uri("/conference/v1/dids").header("Authorization", basic(login, password)).exchange()
                    .expectStatus().isOk();
            assertThat(provisioning.authentications(login)).isEqualTo(expected);
        });
    }
}
