package org.conference.meeting.meetings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.conference.common.events.MeetingEvent;
import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.Outcome.Happening;
import org.conference.meeting.rules.Participant;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns what happened into the envelope of ARCHITECTURE.md §5, whose {@code data} holds the Meeting and the Call
 * exactly as the API shows them at that moment.
 */
@Component
class MeetingEvents {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper json;

    MeetingEvents(ObjectMapper json) {
        this.json = json;
    }

    MeetingEvent render(Happening happening, long sequence, long meetingNumber, String ownerSid, long now) {
        Map<String, Object> data = new LinkedHashMap<>();
        Conference meeting = happening.meeting();
        if (meeting != null) {
            data.put("meeting", json.convertValue(MeetingView.of(meeting, now), OBJECT));
        }
        Participant call = happening.call();
        if (call != null) {
            CallView view = happening.callBeforeJoining()
                    ? CallView.waiting(call.callId(), call.created(), call.line(), call.customName(), now)
                    : CallView.inMeeting(call, meetingNumber, now);
            data.put("call", json.convertValue(view, OBJECT));
        }
        return new MeetingEvent(UUID.randomUUID().toString(), happening.type(), now, sequence, meetingNumber,
                ownerSid, data);
    }
}
