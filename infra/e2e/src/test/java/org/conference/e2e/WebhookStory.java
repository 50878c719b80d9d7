package org.conference.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.conference.e2e.WebhookReceiver.Webhook;
import org.conference.e2e.WholePlatformEndToEndTest.Room;

/**
 * One meeting as its owner's webhook receiver learnt it, checked against what the platform published: every event
 * of the meeting on {@code conference.meeting.events} (the truth) arrived as a webhook, signed with the owner's
 * secret, in {@code sequence} order without a gap; a webhook that came twice came with the same id and body.
 */
final class WebhookStory {

    private static final long TIMESTAMP_TOLERANCE_SECONDS = 300;

    private final Room room;
    private final List<Map<String, Object>> published;
    private final List<Webhook> received;

    private WebhookStory(Room room, List<Map<String, Object>> published, List<Webhook> received) {
        this.room = room;
        this.published = published;
        this.received = received;
    }

    /** Once the meeting ended on Kafka and every one of its events was accepted by the receiver. */
    static WebhookStory awaitEnded(WebhookReceiver receiver, Room room, String bootstrapServers, Duration atMost) {
        List<Map<String, Object>> published = new MeetingEventsTopic(bootstrapServers)
                .eventsUntilEnded(room.meetingNumber(), atMost);
        await("every event of meeting " + room.meetingNumber() + " accepted as a webhook").atMost(atMost)
                .pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    Set<String> accepted = receiver.received().stream().filter(Webhook::accepted).map(Webhook::id)
                            .collect(Collectors.toSet());
                    assertThat(published).filteredOn(event -> !accepted.contains(String.valueOf(event.get("id"))))
                            .extracting(event -> event.get("type") + " #" + event.get("sequence"))
                            .as("events of meeting %d published but not accepted as webhooks", room.meetingNumber())
                            .isEmpty();
                });
        return new WebhookStory(room, published, receiver.received());
    }

    /** The checks a careful receiver makes, and that nothing the meeting did is missing. */
    void tellsTheWholeMeeting(long mutedCallId) {
        long now = System.currentTimeMillis() / 1000;
        assertThat(received).allSatisfy(webhook -> {
            assertThat(webhook.method()).isEqualTo("POST");
            assertThat(webhook.contentType()).startsWith("application/json");
            assertThat(WebhookReceiver.signedWith(room.secret(), webhook)).as("signature of " + webhook).isTrue();
            assertThat(Long.parseLong(webhook.timestamp())).isBetween(now - TIMESTAMP_TOLERANCE_SECONDS, now + 5);
        });
        Map<String, List<Webhook>> byId = received.stream()
                .collect(Collectors.groupingBy(Webhook::id, LinkedHashMap::new, Collectors.toList()));
        byId.forEach((id, copies) -> assertThat(copies).as("every copy of " + id).extracting(Webhook::body)
                .containsOnly(copies.get(0).body()));

        List<Map<String, Object>> delivered = firstAcceptedOfTheMeeting();
        long last = published.stream().mapToLong(event -> number(event.get("sequence"))).max().orElseThrow();
        assertThat(delivered).extracting(event -> number(event.get("sequence")))
                .as("sequences in the order the webhooks were accepted")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
        assertThat(delivered).extracting(event -> event.get("id")).containsExactlyInAnyOrderElementsOf(
                published.stream().map(event -> event.get("id")).distinct().toList());
        assertThat(delivered).allSatisfy(event -> assertThat(event)
                .containsEntry("meetingNumber", (int) room.meetingNumber())
                .containsEntry("subscriberSid", room.ownerSid()));
        Map<Object, Long> types = delivered.stream()
                .collect(Collectors.groupingBy(event -> event.get("type"), Collectors.counting()));
        assertThat(types).containsEntry("call.created", 3L).containsEntry("meeting.started", 1L)
                .containsEntry("call.joined", 3L).containsEntry("recording.started", 1L)
                .containsEntry("call.left", 3L).containsEntry("recording.stopped", 1L)
                .containsEntry("meeting.ended", 1L).containsKey("call.updated");
        assertThat(delivered.get(delivered.size() - 1)).containsEntry("type", "meeting.ended");
        assertThat(ofType(delivered, "call.updated")).map(WebhookStory::callOf)
                .anySatisfy(call -> assertThat(call).containsEntry("id", (int) mutedCallId)
                        .containsEntry("muteMode", 40));
        assertThat(received).as("the meeting's webhooks refused with 503, each came again and was accepted")
                .filteredOn(webhook -> !webhook.accepted()
                        && Long.valueOf(room.meetingNumber()).equals(webhook.meetingNumber()))
                .isNotEmpty().allSatisfy(refused -> assertThat(byId.get(refused.id())).anyMatch(Webhook::accepted));
    }

    /**
     * Waits until every webhook the receiver refused, file events included (they have no order and are retried on
     * their own), came again and was accepted: nothing refused is dropped.
     */
    static void awaitEveryRefusedAccepted(WebhookReceiver receiver, Duration atMost) {
        await("every refused webhook accepted later").atMost(atMost).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    List<Webhook> all = receiver.received();
                    Set<String> accepted = all.stream().filter(Webhook::accepted).map(Webhook::id)
                            .collect(Collectors.toSet());
                    assertThat(all).filteredOn(webhook -> !accepted.contains(webhook.id()))
                            .extracting(Webhook::type).as("refused and not accepted since").isEmpty();
                });
    }

    /** The first event of {@code type} the platform published for the meeting. */
    Map<String, Object> published(String type) {
        return ofType(published, type).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + published));
    }

    /** The meeting's events, each the first accepted copy of its id, in the order they were accepted. */
    private List<Map<String, Object>> firstAcceptedOfTheMeeting() {
        Map<String, Map<String, Object>> first = new LinkedHashMap<>();
        for (Webhook webhook : received) {
            if (webhook.accepted() && !first.containsKey(webhook.id())) {
                Map<String, Object> event = webhook.event();
                if (event.containsKey("sequence") && event.get("meetingNumber") != null
                        && number(event.get("meetingNumber")) == room.meetingNumber()) {
                    first.put(webhook.id(), event);
                }
            }
        }
        return new ArrayList<>(first.values());
    }

    private static List<Map<String, Object>> ofType(List<Map<String, Object>> events, String type) {
        return events.stream().filter(event -> type.equals(event.get("type"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> callOf(Map<String, Object> event) {
        return (Map<String, Object>) ((Map<String, Object>) event.get("data")).get("call");
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
