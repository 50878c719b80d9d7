package org.conference.callback.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.conference.testsupport.TestIdentities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who sees and changes which deliveries (ARCHITECTURE.md §3.5): the subscriber whose callback it is and the
 * administrators above it; operators above it only read; anyone else gets 404. Lists take the query language; bad
 * input is a 4xx in the reference's error format and changes nothing.
 */
class OperationsApiTest extends CallbackTestBase {

    private Subscriber operator;
    private Subscriber admin;
    private Subscriber owner;
    private Subscriber stranger;
    private String eventId;
    private Map<String, Object> ownersDelivery;

    @BeforeAll
    void aDeliveredEvent() {
        operator = subscriber(null, 2, null);
        admin = subscriber(operator, 1, "/ops/admin");
        owner = subscriber(admin, 3, "/ops/owner");
        stranger = subscriber(null, 3, "/ops/stranger");
        eventId = feed.meetingEvent(424242, 1, owner.sid(), "meeting.ended");
        ownersDelivery = awaitDelivery(owner, eventId, "succeeded");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests("/ops/admin").size() == 1);
    }

    @Test
    void theOwnerSeesItsOwnDeliveryItsAdministratorAndOperatorSeeBothAndAStrangerNone() {
        assertThat(deliveriesOf(owner, eventId)).extracting(d -> d.get("subscriberSid"))
                .containsExactly(owner.sid());
        assertThat(deliveriesOf(admin, eventId)).extracting(d -> d.get("subscriberSid"))
                .containsExactlyInAnyOrder(owner.sid(), admin.sid());
        assertThat(deliveriesOf(operator, eventId)).hasSize(2);
        assertThat(deliveriesOf(stranger, eventId)).isEmpty();

        http.get().uri("/conference/v1/callbacks/deliveries/{id}", ownersDelivery.get("id"))
                .header(TestIdentities.HEADER, stranger.identity())
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").isEqualTo("no item error")
                .jsonPath("$.errors[0].message").isEqualTo("cannot find delivery");
        http.get().uri("/conference/v1/callbacks/endpoints/{id}", ownersDelivery.get("endpointId"))
                .header(TestIdentities.HEADER, stranger.identity())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void aDeliveryShowsItsStatusAttemptsAndLastAnswerButNotTheBodyOrTheSecret() {
        assertThat(ownersDelivery).containsEntry("status", "succeeded").containsEntry("attempts", 1)
                .containsEntry("lastResponseStatus", 200).containsEntry("eventType", "meeting.ended")
                .containsEntry("meetingNumber", 424242).containsEntry("sequence", 1)
                .containsEntry("url", owner.url()).containsKeys("finishedAt", "lastAttemptAt", "created")
                .doesNotContainKeys("body", "secret");
    }

    @Test
    void listsTakeTheQueryLanguage() {
        Map<String, Object> page = http.get()
                .uri(builder -> builder.path("/conference/v1/callbacks/deliveries")
                        .queryParam("filter", "status eq 'succeeded' and eventId eq '" + eventId + "'")
                        .queryParam("order", "subscriberSid desc")
                        .queryParam("include_fields", "id,status")
                        .queryParam("limit", "1").build())
                .header(TestIdentities.HEADER, admin.identity())
                .exchange().expectStatus().isOk().expectBody(OBJECT).returnResult().getResponseBody();

        assertThat(page).containsEntry("total", 2).containsEntry("offset", 0).containsEntry("last", 0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("deliveries");
        assertThat(items).hasSize(1);
        assertThat(items.get(0)).containsOnlyKeys("id", "status").containsEntry("status", "succeeded");

        http.get().uri(builder -> builder.path("/conference/v1/callbacks/endpoints")
                        .queryParam("filter", "disabled eq false").build())
                .header(TestIdentities.HEADER, owner.identity())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.endpoints[0].url").isEqualTo(owner.url()).jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void aMalformedFilterIs400InTheErrorFormat() {
        http.get().uri(builder -> builder.path("/conference/v1/callbacks/deliveries")
                        .queryParam("filter", "status eq").build())
                .header(TestIdentities.HEADER, owner.identity())
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").exists().jsonPath("$.errors[0].field").isEqualTo("filter");
        http.get().uri(builder -> builder.path("/conference/v1/callbacks/deliveries")
                        .queryParam("filter", "secret eq 'x'").build())
                .header(TestIdentities.HEADER, owner.identity())
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void aReplayOfEverythingSinceNeedsAStatusThatEndsADeliveryAndATime() {
        int before = receiver.requests("/ops/owner").size();
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("status", "pending", "since", 0),
                Map.of("status", "succeeded"), Map.of("status", "failed", "since", -5))) {
            http.post().uri("/conference/v1/callbacks/deliveries/replay")
                    .header(TestIdentities.HEADER, owner.identity())
                    .header("Content-Type", "application/json").bodyValue(body)
                    .exchange().expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.message").isEqualTo("object validation error")
                    .jsonPath("$.errors[0].field").value(field -> assertThat(field).isIn("status", "since"));
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.requests("/ops/owner").size() == before);
    }

    @Test
    void anOperatorReadsButReplaysNothingBelowIt() {
        http.post().uri("/conference/v1/callbacks/deliveries/{id}/replay", ownersDelivery.get("id"))
                .header(TestIdentities.HEADER, operator.identity())
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.message").isEqualTo("permission denied");
        http.post().uri("/conference/v1/callbacks/deliveries/{id}/replay", ownersDelivery.get("id"))
                .header(TestIdentities.HEADER, stranger.identity())
                .exchange().expectStatus().isNotFound();
        assertThat(delivery(owner, (String) ownersDelivery.get("id"))).containsEntry("status", "succeeded")
                .containsEntry("attempts", 1);
    }
}
