package org.conference.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conference.e2e.LiveRoom.HOST;
import static org.conference.e2e.LiveRoom.PARTICIPANT;
import static org.conference.e2e.LiveRoom.eventually;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.conference.testsupport.softphone.CallEnd;
import org.conference.testsupport.softphone.Softphone;
import org.conference.testsupport.softphone.SoftphoneOptions;
import org.conference.testsupport.softphone.ToneAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15's proof with real softphones through the whole platform: three baresip callers (a host sending 500 Hz,
 * two participants sending 1900 and 2700 Hz) dial a room's DID at the SIP edge, key their access codes by RFC 4733,
 * and are Calls of the meeting with the SIP edge's fields. From what each phone heard (Goertzel, windows of its own
 * audio after each change): everyone hears the two others and not itself; a caller muted with {@code PUT /calls/{id}}
 * is heard by no one, the others still are; the host's {@code *2} records, and the recording media-service fetched
 * from the SIP edge holds the tones of those who spoke and not the muted one; {@code DELETE /calls/{id}} ends that
 * phone's call with a BYE; the others hang up and the meeting ends.
 */
@ExtendWith(SharedPlatform.class)
@Order(6)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoftphoneEndToEndTest {

    private static final int HOST_TONE = 500;
    private static final int SECOND_TONE = 1900;
    private static final int THIRD_TONE = 2700;
    /** Long enough for the Goertzel blocks (50 ms) to average over a loaded machine's hiccups. */
    private static final Duration LISTEN = Duration.ofSeconds(2);

    private final List<Softphone> phones = new ArrayList<>();
    private Platform platform;
    private JsonHttp api;
    private SipEdgeCommands edge;

    @BeforeAll
    void useThePlatform(Platform shared) {
        Softphone.assumeAvailable();
        platform = shared;
        api = platform.publicApi();
        edge = new SipEdgeCommands(platform);
    }

    @AfterAll
    void closeThePhones() {
        phones.forEach(Softphone::close);
    }

    @Test
    void threeSoftphonesHearEachOtherAreMutedRecordedAndHungUpThroughThePlatform() throws IOException {
        LiveRoom room = LiveRoom.provision(platform, Map.of());
        PhoneInMeeting host = PhoneInMeeting.dialIn(platform, room, phone(room, HOST_TONE), HOST);
        PhoneInMeeting second = PhoneInMeeting.dialIn(platform, room, phone(room, SECOND_TONE), PARTICIPANT);
        PhoneInMeeting third = PhoneInMeeting.dialIn(platform, room, phone(room, THIRD_TONE), PARTICIPANT);

        theCallsAreTheSipEdges(room, host, second, third);
        everyoneHearsTheOthersAndNotThemselves(host, second, third);
        aMutedCallerIsHeardByNoOne(third, host, second);
        theRecordingHoldsWhoSpoke(room, host);
        aCallDeletedThroughTheApiEndsWithABye(room, second);
        theOthersHangUpAndTheMeetingEnds(room, third, host);
    }

    /** (a) {@code GET /calls} of the meeting: the three, each with what the SIP edge reported of its call. */
    @SuppressWarnings("unchecked")
    private void theCallsAreTheSipEdges(LiveRoom room, PhoneInMeeting... callers) {
        List<Map<String, Object>> calls = (List<Map<String, Object>>) api.get("/calls?filter=" + URLEncoder.encode(
                "meetingNumber eq " + room.meetingNumber(), StandardCharsets.UTF_8)).object(200).get("calls");
        assertThat(calls).extracting(call -> LiveRoom.number(call.get("id")))
                .containsExactlyInAnyOrder(List.of(callers).stream().map(PhoneInMeeting::callId).toArray(Long[]::new));
        for (PhoneInMeeting caller : callers) {
            Map<String, Object> call = calls.stream().filter(listed -> LiveRoom.number(listed.get("id"))
                    == caller.callId()).findFirst().orElseThrow();
            assertThat(call).as("the Call of " + caller.who())
                    .containsEntry("caller", caller.number())
                    .containsEntry("callee", room.did())
                    .containsEntry("accessCode", room.code(caller.role()))
                    .containsEntry("codec", "PCMU")
                    .containsEntry("bridgeName", Platform.SIP_EDGE_BRIDGE)
                    .containsEntry("nodeName", "127.0.0.1")
                    .containsEntry("addressTo", "\"" + room.did() + "\" <sip:" + room.did() + "@127.0.0.1>")
                    .containsEntry("state", 2)
                    .containsEntry("muteMode", 0);
            assertThat((String) call.get("addressFrom")).as("addressFrom of " + caller.who())
                    .contains("sip:" + caller.number() + "@127.0.0.1");
        }
    }

    /** (b) N−1 mixing: each phone hears the two others' tones, never its own. */
    private void everyoneHearsTheOthersAndNotThemselves(PhoneInMeeting host, PhoneInMeeting second,
            PhoneInMeeting third) {
        List<Listening.Window> heard = Listening.next(LISTEN, host, second, third);
        heard.get(0).hearsExactly(Set.of(SECOND_TONE, THIRD_TONE));
        heard.get(1).hearsExactly(Set.of(HOST_TONE, THIRD_TONE));
        heard.get(2).hearsExactly(Set.of(HOST_TONE, SECOND_TONE));
    }

    /**
     * (c) {@code muteMode} 40 on a participant's Call: once the SIP edge applied the mute, the others no longer hear
     * it but still hear each other; the muted one still hears them.
     */
    private void aMutedCallerIsHeardByNoOne(PhoneInMeeting muted, PhoneInMeeting host, PhoneInMeeting other) {
        double before = edge.applied(SipEdgeCommands.MUTE);
        assertThat(api.put("/calls/" + muted.callId(), Map.of("muteMode", 40)).object(200))
                .containsEntry("muteMode", 40);
        edge.awaitApplied(SipEdgeCommands.MUTE, before);

        List<Listening.Window> heard = Listening.next(LISTEN, host, other, muted);
        heard.get(0).hearsExactly(Set.of(other.toneHz()));
        heard.get(1).hearsExactly(Set.of(host.toneHz()));
        heard.get(2).hearsExactly(Set.of(host.toneHz(), other.toneHz()));
    }

    /**
     * (d) The host keys {@code *2} (the default recording binding) and again after a while of talk: the SIP edge
     * records the meeting's mix, publishes {@code recording.completed}, media-service fetches the WAV from it, and
     * the owner downloads it through the gateway. It holds the host's and the second caller's tones, not the muted
     * caller's.
     */
    private void theRecordingHoldsWhoSpoke(LiveRoom room, PhoneInMeeting host) throws IOException {
        double started = edge.applied(SipEdgeCommands.RECORD_START);
        host.phone().sendDigits("*2");
        eventually("the meeting records", () -> assertThat(room.meeting()).containsEntry("isRecording", true));
        edge.awaitApplied(SipEdgeCommands.RECORD_START, started);
        // a while of talk in the recording, measured in the host's own audio
        Listening.next(Duration.ofSeconds(3), host);

        double stopped = edge.applied(SipEdgeCommands.RECORD_STOP);
        host.phone().sendDigits("*2");
        eventually("the meeting no longer records", () ->
                assertThat(room.meeting()).containsEntry("isRecording", false));
        edge.awaitApplied(SipEdgeCommands.RECORD_STOP, stopped);

        byte[] wav = RecordingCheck.downloadedRecording(api, room.ownerSid(), room.meetingNumber(), LiveRoom.WAIT);
        ToneAnalysis recording = ToneAnalysis.read(new ByteArrayInputStream(wav));
        assertThat(recording.duration()).as("the recording's length").isGreaterThan(Duration.ofSeconds(3));
        // its first and last second hold the host's keys (telephone-events replace its tone while they are sent)
        Listening.ofRecording("of meeting " + room.meetingNumber(), recording, Duration.ofSeconds(1))
                .hearsExactly(Set.of(HOST_TONE, SECOND_TONE));
    }

    /** (e) {@code DELETE /calls/{id}}: the SIP edge sends the phone a BYE and the Call is gone. */
    private void aCallDeletedThroughTheApiEndsWithABye(LiveRoom room, PhoneInMeeting caller) {
        api.delete("/calls/" + caller.callId()).expect(204);
        CallEnd end = caller.phone().awaitClosed(LiveRoom.WAIT);
        assertThat(end.cause()).as(caller.who() + "'s call ended by " + end).isEqualTo(CallEnd.Cause.REMOTE_HANGUP);
        eventually("the Call of " + caller.who() + " is gone", () ->
                assertThat(room.callOf(caller.number())).isNull());
    }

    /** The remaining callers hang up at their phones; the meeting ends with its last caller. */
    private void theOthersHangUpAndTheMeetingEnds(LiveRoom room, PhoneInMeeting... callers) {
        for (PhoneInMeeting caller : callers) {
            caller.phone().hangup();
            assertThat(caller.phone().awaitClosed(LiveRoom.WAIT).cause()).as(caller.who() + " hung up")
                    .isEqualTo(CallEnd.Cause.LOCAL_HANGUP);
            eventually("the Call of " + caller.who() + " is gone", () ->
                    assertThat(room.callOf(caller.number())).isNull());
        }
        eventually("meeting " + room.meetingNumber() + " ended", () ->
                assertThat(api.get("/meetings/" + room.meetingNumber()).status()).isEqualTo(404));
        List<Map<String, Object>> events = new MeetingEventsTopic(platform.kafkaBootstrapServers())
                .eventsUntilEnded(room.meetingNumber(), LiveRoom.WAIT);
        assertThat(events).extracting(event -> event.get("type")).containsSubsequence("meeting.started",
                "recording.started", "recording.stopped", "meeting.ended");
    }

    /** A softphone of its own number sending {@code toneHz}; closed after the class. */
    private Softphone phone(LiveRoom room, int toneHz) {
        Softphone phone = Softphone.start(SoftphoneOptions.caller(room.nextCallerNumber(), toneHz));
        phones.add(phone);
        return phone;
    }
}
