package org.conference.callback.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.conference.callback.api.Receiver.Reply;
import org.conference.testsupport.TestIdentities;
import org.junit.jupiter.api.Test;

/** Delivery against a real receiver: signature, targets, retries, Retry-After, 410, ordering, redirects, replay. */
class DeliveryTest extends CallbackTestBase {

    private static long meeting() {
        return ThreadLocalRandom.current().nextLong(100_000_000, 999_999_999);
    }

    @Test
    void aMeetingEventReachesTheOwnerAndEachAncestorWithACallbackSignedAsStandardWebhooksSays() {
        Subscriber root = subscriber(null, 1, null);
        Subscriber admin = subscriber(root, 1, "/signed/admin");
        Subscriber owner = subscriber(admin, 3, "/signed/owner");
        long before = System.currentTimeMillis() / 1000;

        String eventId = feed.meetingEvent(meeting(), 1, owner.sid(), "meeting.started");

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests("/signed/owner").size() == 1
                && receiver.requests("/signed/admin").size() == 1);
        Receiver.Request toOwner = receiver.requests("/signed/owner").get(0);
        Receiver.Request toAdmin = receiver.requests("/signed/admin").get(0);
        assertThat(toOwner.webhookId()).isEqualTo(eventId);
        assertThat(toOwner.header("content-type")).startsWith("application/json");
        assertThat(toOwner.header("transfer-encoding")).as("a known length, not chunked").isNull();
        assertThat(toOwner.header("content-length"))
                .isEqualTo(Integer.toString(toOwner.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(Long.parseLong(toOwner.header("webhook-timestamp"))).isBetween(before - 1,
                System.currentTimeMillis() / 1000 + 1);
        assertThat(toOwner.header("host")).isEqualTo("127.0.0.1:" + receiver.port());
        assertThat(StandardWebhooks.verifies(owner.secret(), toOwner)).isTrue();
        assertThat(StandardWebhooks.verifies(admin.secret(), toAdmin)).isTrue();
        // each endpoint's own secret: the owner's signature does not pass with the administrator's
        assertThat(StandardWebhooks.verifies(admin.secret(), toOwner)).isFalse();
        Map<String, Object> body = toOwner.event();
        assertThat(body).containsEntry("id", eventId).containsEntry("type", "meeting.started")
                .containsEntry("subscriberSid", owner.sid()).containsKeys("occurredAt", "sequence", "data");
        assertThat(root.url()).isNull();
    }

    @Test
    void oneUrlSharedByTheOwnerAndItsAdministratorGetsTheEventOnceSignedWithTheOwnersSecret() {
        Subscriber admin = subscriber(null, 1, "/shared");
        Subscriber owner = subscriberAt(admin, 3, admin.url());

        String eventId = feed.meetingEvent(meeting(), 1, owner.sid(), "call.joined");

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests("/shared").size() == 1);
        awaitDelivery(owner, eventId, "succeeded");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> receiver.requests("/shared").size() == 1);
        assertThat(StandardWebhooks.verifies(owner.secret(), receiver.requests("/shared").get(0))).isTrue();
        assertThat(deliveriesOf(admin, eventId)).hasSize(1);
    }

    @Test
    void aServerErrorIsRetriedWithTheSameWebhookIdUntilItSucceeds() {
        Subscriber owner = subscriber(null, 3, "/retry-500");
        receiver.queue("/retry-500", Reply.status(500));

        String eventId = feed.meetingEvent(meeting(), 1, owner.sid(), "call.joined");

        Map<String, Object> delivered = awaitDelivery(owner, eventId, "succeeded");
        List<Receiver.Request> arrivals = receiver.requests("/retry-500");
        assertThat(arrivals).hasSize(2).allSatisfy(arrival -> {
            assertThat(arrival.webhookId()).isEqualTo(eventId);
            assertThat(StandardWebhooks.verifies(owner.secret(), arrival)).isTrue();
        });
        assertThat(arrivals.get(0).body()).isEqualTo(arrivals.get(1).body());
        assertThat(delivered).containsEntry("attempts", 2).containsEntry("lastResponseStatus", 200);
    }

    @Test
    void anAnswerThatComesTooLateIsRetried() {
        Subscriber owner = subscriber(null, 3, "/retry-timeout");
        receiver.queue("/retry-timeout", Reply.slow(200, 4_000));

        String eventId = feed.meetingEvent(meeting(), 1, owner.sid(), "call.joined");

        Map<String, Object> delivered = awaitDelivery(owner, eventId, "succeeded");
        assertThat(receiver.requests("/retry-timeout")).hasSize(2)
                .allSatisfy(arrival -> assertThat(arrival.webhookId()).isEqualTo(eventId));
        assertThat(delivered).containsEntry("attempts", 2);
    }

    @Test
    void retryAfterIsHonoured() {
        Subscriber owner = subscriber(null, 3, "/retry-after");
        receiver.queue("/retry-after", Reply.status(503).withHeader("Retry-After", "4"));

        String eventId = feed.meetingEvent(meeting(), 1, owner.sid(), "call.joined");

        awaitDelivery(owner, eventId, "succeeded");
        List<Receiver.Request> arrivals = receiver.requests("/retry-after");
        assertThat(arrivals).hasSize(2);
        // the schedule alone would have retried after 1 s
        assertThat(arrivals.get(1).receivedAt() - arrivals.get(0).receivedAt()).isGreaterThanOrEqualTo(3_500);
    }

    @Test
    void aDeliveryThatNeverSucceedsFailsAfterTheScheduleAndIsReplayedWithItsWebhookId() {
        Subscriber owner = subscriber(null, 3, "/always-500");
        receiver.answerAlways("/always-500", Reply.status(500));
        long since = System.currentTimeMillis();

        String eventId = feed.meetingEvent(meeting(), 1, owner.sid(), "call.left");

        Map<String, Object> failed = awaitDelivery(owner, eventId, "failed");
        assertThat(failed).containsEntry("attempts", 3).containsEntry("lastResponseStatus", 500)
                .containsEntry("lastResponseBody", "{\"answer\":500}").containsEntry("nextAttemptAt", null);
        assertThat(receiver.requests("/always-500")).hasSize(3);

        receiver.answerAlways("/always-500", Reply.status(204));
        Map<String, Object> replayed = http.post().uri("/conference/v1/callbacks/deliveries/replay")
                .header(TestIdentities.HEADER, owner.identity())
                .header("Content-Type", "application/json")
                .bodyValue(Map.of("status", "failed", "since", since))
                .exchange().expectStatus().isAccepted().expectBody(OBJECT).returnResult().getResponseBody();
        assertThat(replayed).containsEntry("replayed", 1);
        Map<String, Object> succeeded = awaitDelivery(owner, eventId, "succeeded");
        assertThat(succeeded).containsEntry("attempts", 4).containsEntry("lastResponseStatus", 204);
        assertThat(receiver.requests("/always-500")).hasSize(4)
                .allSatisfy(arrival -> assertThat(arrival.webhookId()).isEqualTo(eventId));

        // one delivery on its own, even one that succeeded: sent once more, same webhook-id
        http.post().uri("/conference/v1/callbacks/deliveries/{id}/replay", succeeded.get("id"))
                .header(TestIdentities.HEADER, owner.identity())
                .exchange().expectStatus().isAccepted().expectBody().jsonPath("$.status").isEqualTo("pending");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests("/always-500").size() == 5);
        assertThat(receiver.requests("/always-500").get(4).webhookId()).isEqualTo(eventId);
    }

    @Test
    void a410DisablesTheEndpointItsDeliveriesWaitAndEnablingItSendsThem() {
        Subscriber owner = subscriber(null, 3, "/gone");
        receiver.queue("/gone", Reply.status(410));
        long meeting = meeting();

        String first = feed.meetingEvent(meeting, 1, owner.sid(), "call.joined");
        Map<String, Object> failed = awaitDelivery(owner, first, "failed");
        assertThat(failed).containsEntry("lastResponseStatus", 410).containsEntry("attempts", 1);
        Map<String, Object> endpoint = endpoint(owner, (String) failed.get("endpointId"));
        assertThat(endpoint).containsEntry("disabled", true).containsEntry("url", owner.url());

        String second = feed.meetingEvent(meeting, 2, owner.sid(), "call.left");
        awaitDelivery(owner, second, "pending");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> receiver.requests("/gone").size() == 1);

        http.post().uri("/conference/v1/callbacks/endpoints/{id}/enable", endpoint.get("id"))
                .header(TestIdentities.HEADER, owner.identity())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.disabled").isEqualTo(false);
        awaitDelivery(owner, second, "succeeded");
        assertThat(receiver.requests("/gone")).extracting(Receiver.Request::webhookId).containsExactly(first, second);
    }

    private Map<String, Object> endpoint(Subscriber caller, String id) {
        return http.get().uri("/conference/v1/callbacks/endpoints/{id}", id)
                .header(TestIdentities.HEADER, caller.identity())
                .exchange().expectStatus().isOk().expectBody(OBJECT).returnResult().getResponseBody();
    }

    @Test
    void laterEventsOfAMeetingWaitWhileTheFirstFailsTwiceAndThenLeaveInSequenceOrder() {
        Subscriber owner = subscriber(null, 3, "/ordered");
        receiver.queue("/ordered", Reply.status(500), Reply.status(502));
        long meeting = meeting();

        List<String> ids = feed.meetingEvents(List.of(new long[] {meeting, 1}, new long[] {meeting, 2},
                new long[] {meeting, 3}, new long[] {meeting, 4}, new long[] {meeting, 5}), owner.sid());

        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests("/ordered").size() >= 7);
        assertThat(receiver.requests("/ordered")).extracting(Receiver.Request::sequence)
                .containsExactly(1L, 1L, 1L, 2L, 3L, 4L, 5L);
        assertThat(receiver.requests("/ordered").get(0).webhookId()).isEqualTo(ids.get(0));
        awaitDelivery(owner, ids.get(4), "succeeded");
    }

    @Test
    void aRedirectIsNotFollowed() {
        Subscriber owner = subscriber(null, 3, "/moved");
        receiver.answerAlways("/moved", Reply.status(302).withHeader("Location", receiver.url("/moved-here")));

        String eventId = feed.meetingEvent(meeting(), 1, owner.sid(), "call.joined");

        Map<String, Object> failed = awaitDelivery(owner, eventId, "failed");
        assertThat(failed).containsEntry("lastResponseStatus", 302);
        assertThat(receiver.requests("/moved")).hasSize(3);
        assertThat(receiver.requests("/moved-here")).isEmpty();
    }

    @Test
    void aMediaEventIsDeliveredToTheFilesOwner() {
        Subscriber owner = subscriber(null, 3, "/media");

        String eventId = feed.mediaEvent(owner.sid(), "file.stored");

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requests("/media").size() == 1);
        Receiver.Request arrival = receiver.requests("/media").get(0);
        assertThat(arrival.webhookId()).isEqualTo(eventId);
        assertThat(StandardWebhooks.verifies(owner.secret(), arrival)).isTrue();
        assertThat(arrival.event()).containsEntry("type", "file.stored").containsKey("file");
    }
}
