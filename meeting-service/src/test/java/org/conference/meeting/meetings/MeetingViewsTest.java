package org.conference.meeting.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.conference.common.api.ApiException;
import org.conference.meeting.rules.CallLine;
import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.MeetingInput;
import org.conference.meeting.rules.MeetingRules;
import org.conference.meeting.rules.Outcome;
import org.conference.meeting.rules.Participant;
import org.conference.meeting.rules.RoomContext;
import org.junit.jupiter.api.Test;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The new meeting state as the API shows it: waiting calls, the runtime attributes, the lock. */
class MeetingViewsTest {

    private static final RoomContext MODERATED = new RoomContext(273751, "owner", List.of("root", "owner"),
            "John Smith", Map.of("conference_start_how", "moderator"));

    private final MeetingRules rules = new MeetingRules(Duration.ofSeconds(2));

    @Test
    void aWaitingCallIsInTheMeetingOnHoldWithoutJoinedAndTheMeetingHasNotStarted() {
        Conference meeting = write(null, new MeetingInput.Join(caller(1, Participant.PARTICIPANT), MODERATED, 0));

        Map<String, Object> call = json(CallView.inMeeting(meeting.participant(1).orElseThrow(), 273751, 2000));
        Map<String, Object> shown = json(MeetingView.of(meeting, 2000));

        assertThat(call).containsEntry("state", 2).containsEntry("holdMode", 40).containsEntry("meetingNumber", 273751L)
                .doesNotContainKey("joined");
        assertThat(shown).containsEntry("state", 0).containsEntry("participantCount", 0);
        assertThat(shown.keySet()).as("the reference's Meeting fields, nothing internal").containsExactly(
                "attributes", "created", "duration", "holdMode", "id", "isRecording", "isSecured", "meetingNumber",
                "muteMode", "participantCount", "qaMode", "state", "subscriberName", "type");
        assertThat(runtime(meeting)).containsEntry("conf_waiting_count", "1").containsEntry("conf_locked", "off")
                .containsEntry("conf_participants_count", "0");
    }

    @Test
    void aJoinedCallShowsWhenItJoined() {
        Conference meeting = write(null, new MeetingInput.Join(caller(1, Participant.HOST), MODERATED, 0));

        assertThat(json(CallView.inMeeting(meeting.participant(1).orElseThrow(), 273751, 2000)))
                .containsEntry("joined", 1000L).containsEntry("holdMode", 0);
        assertThat(runtime(meeting)).containsEntry("conf_waiting_count", "0").containsEntry("conf_hosts_count", "1");
    }

    @Test
    void theLockIsTheOneRuntimeAttributeAPutMaySet() {
        Conference meeting = write(null, new MeetingInput.Join(caller(1, Participant.HOST), MODERATED, 0));

        assertThat(MeetingViews.settableValue("conf_locked", "on")).isEqualTo("on");
        assertThatThrownBy(() -> MeetingViews.settableValue("conf_locked", "yes")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> MeetingViews.settableValue("conf_waiting_count", "3"))
                .isInstanceOf(ApiException.class);
        Conference locked = write(meeting, new MeetingInput.SetAttribute("conf_locked", "on"));
        assertThat(MeetingViews.valueOf(locked, "conf_locked")).isEqualTo("on");
        assertThat(json(MeetingView.of(locked, 2000))).containsEntry("isSecured", true);
        assertThat(runtime(locked)).containsEntry("conf_locked", "on");
    }

    private Conference write(Conference start, MeetingInput input) {
        Outcome.Builder effects = rules.begin(start);
        rules.apply(effects, input, 1000, 500);
        return effects.build().conference();
    }

    private static Map<String, String> runtime(Conference meeting) {
        return MeetingViews.attributes(meeting).stream()
                .collect(Collectors.toMap(a -> (String) a.get("name"), a -> (String) a.get("value")));
    }

    private static Map<String, Object> json(Object view) {
        return JsonMapper.builder().build().convertValue(view, new TypeReference<Map<String, Object>>() {
        });
    }

    private static Participant caller(long id, int role) {
        return new Participant(id, "edge-" + id, 1000, new CallLine("+15162065319", "15162065318", null, null,
                "PCMU", "node", "bridge"), role, "111", 0, 0, 0, "", 0, 0, 0, 0);
    }
}
