package org.conference.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.json.JsonMapper;

/** Every record that crosses Kafka survives JSON both ways, so producers and consumers agree on the contract. */
class EventJsonRoundTripTest {

    private final JsonMapper json = JsonMapper.builder().build();

    static List<Object> records() {
        var attributes = List.of(new AttributeSetting("call_maxduration", "120"));
        var references = List.of(new DidGroupReference(219, 0));
        return List.of(
                new SubscriberState("rB0M9.EzXfaO4keb-opANwfb7CHx1Ph1", "test_login", 3, "root",
                        List.of("root", "rB0M9.EzXfaO4keb-opANwfb7CHx1Ph1"), "First", "Last", "a@b.c", "9197473626",
                        "details", "12", -1, 1586872518000L, references,
                        new CallbackState(233944, "http://example.com/cb", "whsec_abc"), 4),
                new DidGroupState(219, "group", "", 3, "sid", -1, attributes, 1),
                new DidState(220, "15162065319", "US", null, 219, -1, attributes, 2),
                new MeetingRoomState(273751, "sid", "Test Meeting", 1544482680000L, 219, references,
                        List.of(new MeetingKey(3464, "463516", 3)), attributes, 7),
                TelephonyEvent.offered("e1", "c1", 1L, new TelephonyEvent.Offer("+15162065319", "15162065318",
                        "+15162065319", "\"15162065318\" <sip:15162065318@10.2.114.15>", "PCMU", "10.2.114.15",
                        "MIA-FCC4D")),
                TelephonyEvent.recordingCompleted("e2", "c1", 2L, "meeting-273751-1",
                        "http://127.0.0.1:8095/simulator/v1/recordings/meeting-273751-1"),
                new TelephonyCommand("k1", TelephonyCommand.PLAY, "c1", 2L, "welcome"),
                new MeetingEvent("m1", MeetingEvent.CALL_JOINED, 3L, 7, 273751, "sid",
                        Map.of("call", Map.of("id", 6889184, "role", 1))),
                new MediaEvent("f1", MediaEvent.FILE_STORED, "sid", 4L,
                        new MediaEvent.FileDescriptor("recording.mp3", 138999, 8673,
                                "/storage/subscribers/sid/recording.mp3"), 273751L));
    }

    @ParameterizedTest
    @MethodSource("records")
    void roundTrips(Object record) {
        String text = json.writeValueAsString(record);
        assertThat(json.readValue(text, record.getClass())).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("records")
    void stateRecordsKnowTheirKeyAndVersion(Object record) {
        if (record instanceof VersionedState state) {
            assertThat(state.key()).isNotBlank();
            assertThat(state.supersedes(null)).isTrue();
            assertThat(state.supersedes(state)).isFalse();
        }
    }

    @org.junit.jupiter.api.Test
    void telephonyEventsOmitFieldsOfOtherTypes() {
        String text = json.writeValueAsString(TelephonyEvent.dtmf("e", "c", 1L, "111"));
        assertThat(text).contains("\"digits\":\"111\"").doesNotContain("from").doesNotContain("recordingName");
    }
}
