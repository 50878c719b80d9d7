package org.conference.meeting.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.conference.meeting.rules.CallLine;
import org.conference.meeting.rules.MeetingInput;
import org.conference.meeting.rules.Participant;
import org.conference.meeting.rules.RoomContext;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The meeting requests as they cross the internal topic, and the inputs they become for the meeting. */
class MeetingRequestTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void digitsKeyedInTheMeetingBecomeADtmfInputWithTheTelephonyEventsId() {
        MeetingRequest sent = MeetingRequest.dtmf(273751, 42, "*4", "edge-event-7");

        MeetingRequest received = json.readValue(json.writeValueAsString(sent), MeetingRequest.class);

        assertThat(received.meetingNumber()).isEqualTo(273751);
        assertThat(received.input()).contains(new MeetingInput.Dtmf(42, "*4", "edge-event-7"));
    }

    @Test
    void joinsAndLeavesStillBecomeTheirInputsAndARequestFromBeforeDigitsExistedIsRead() {
        Participant caller = new Participant(42, "edge-42", 1000, new CallLine("+1", "2", null, null, "PCMU", null,
                null), 2, "1234", 0, 0, 0, "", 0, 0, 0, 0);
        RoomContext room = new RoomContext(273751, "owner", List.of("owner"), "John Smith", Map.of());

        assertThat(MeetingRequest.join(caller, room, 900).input())
                .contains(new MeetingInput.Join(caller, room, 900));
        MeetingRequest older = json.readValue("{\"id\":\"r1\",\"kind\":\"leave\",\"meetingNumber\":273751,"
                + "\"callId\":42,\"dtmfAt\":0}", MeetingRequest.class);
        assertThat(older.input()).contains(new MeetingInput.Leave(42));
    }

    @Test
    void aDtmfRequestWithoutItsEventIdOrDigitsIsMalformed() {
        assertThat(new MeetingRequest("r", MeetingRequest.DTMF, 1, 42, null, null, 0, "1", null).input()).isEmpty();
        assertThat(new MeetingRequest("r", MeetingRequest.DTMF, 1, 42, null, null, 0, null, "e").input()).isEmpty();
        assertThat(new MeetingRequest("r", "unknown", 1, 42, null, null, 0, null, null).input()).isEmpty();
    }
}
