package org.conference.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.conference.e2e.RuleScenarios.POLL;
import static org.conference.e2e.RuleScenarios.WAIT;
import static org.conference.e2e.RuleScenarios.number;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.conference.e2e.RuleScenarios.Caller;
import org.conference.e2e.RuleScenarios.Room;

/** One meeting's domain events as a receiver got them, in order: what the meeting-rules scenarios read. */
record MeetingStory(List<Map<String, Object>> events) {

    /**
     * The meeting's events once at least {@code count} of {@code type} have arrived, checked as any receiver would
     * check them: each names the meeting and its room's owner, and the sequence runs from 1 without a gap.
     */
    static MeetingStory awaitFrom(MeetingEventsTail tail, Room room, String type, int count) {
        await(count + " " + type + " of meeting " + room.meetingNumber()).atMost(WAIT).pollInterval(POLL)
                .until(() -> new MeetingStory(tail.of(room.meetingNumber())).ofType(type).size() >= count);
        List<Map<String, Object>> events = tail.of(room.meetingNumber());
        assertThat(events).extracting(event -> number(event.get("sequence")))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events).allSatisfy(event -> assertThat(event)
                .containsEntry("meetingNumber", (int) room.meetingNumber())
                .containsEntry("subscriberSid", room.ownerSid()));
        return new MeetingStory(events);
    }

    List<Object> types() {
        return events.stream().map(event -> event.get("type")).toList();
    }

    List<Map<String, Object>> ofType(String type) {
        return events.stream().filter(event -> type.equals(event.get("type"))).toList();
    }

    /** The ids of the calls the events of {@code type} are about, in order. */
    List<Long> callIds(String type) {
        return ofType(type).stream().map(event -> number(callOf(event).get("id"))).toList();
    }

    /** {@code occurredAt} of the {@code index}-th event (from 0), on the platform's clock. */
    long occurredAt(int index) {
        return number(events.get(index).get("occurredAt"));
    }

    /** The Call of {@code caller} as its {@code call.joined} event carried it. */
    Map<String, Object> joinedCall(Caller caller) {
        return ofType("call.joined").stream().map(MeetingStory::callOf)
                .filter(call -> caller.number().equals(call.get("caller"))).findFirst()
                .orElseThrow(() -> new AssertionError(caller.number() + " never joined: " + events));
    }

    /** Whether any event is about the call {@code callId}. */
    boolean mentions(long callId) {
        return events.stream().map(MeetingStory::callOf)
                .anyMatch(call -> call != null && number(call.get("id")) == callId);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> callOf(Map<String, Object> event) {
        return (Map<String, Object>) ((Map<String, Object>) event.get("data")).get("call");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> meetingOf(Map<String, Object> event) {
        return (Map<String, Object>) ((Map<String, Object>) event.get("data")).get("meeting");
    }
}
