package org.conference.meeting.rules.behaviours;

import static org.conference.common.events.MeetingEvent.CALL_JOINED;
import static org.conference.common.events.MeetingEvent.CALL_LEFT;

import java.util.LinkedHashMap;
import java.util.Map;

import org.conference.meeting.rules.LiveMeeting;
import org.conference.meeting.rules.Outcome.Happening;
import org.conference.meeting.rules.Participant;

/**
 * How many are in the meeting ({@code count:<n>}, the Meeting's {@code participantCount}).
 * <ul>
 * <li>{@code call_announceparticipantcount}: a joiner of those roles hears it once the write it joined in is
 * decided, so callers who join together all hear the same, current number.</li>
 * <li>{@code call_participantsnumber_dtmf} / {@code _binding}: the keyer hears it on demand.</li>
 * </ul>
 */
public final class CountRule implements Rule {

    public static final String ANNOUNCE = "call_announceparticipantcount";

    @Override
    public void onDecided(LiveMeeting meeting) {
        Map<Long, Happening> joiners = new LinkedHashMap<>();
        for (Happening happening : meeting.happenings()) {
            if (CALL_JOINED.equals(happening.type())) {
                joiners.put(happening.call().callId(), happening);
            } else if (CALL_LEFT.equals(happening.type())) {
                joiners.remove(happening.call().callId());
            }
        }
        int count = meeting.conference().participants().size();
        for (Happening joined : joiners.values()) {
            Participant call = joined.call();
            if (joined.meeting().inForce().allows(ANNOUNCE, call.role())) {
                meeting.play(call, Prompts.count(count));
            }
        }
    }

    /** The participant-count binding. */
    public void tell(LiveMeeting meeting, Participant keyer) {
        meeting.play(keyer, Prompts.count(meeting.conference().participants().size()));
    }
}
