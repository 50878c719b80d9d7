package org.conference.meeting.rules.behaviours;

import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.Deadline;
import org.conference.meeting.rules.LiveMeeting;
import org.conference.meeting.rules.Participant;

/**
 * {@code conference_stop_how} and {@code conference_stop_wait}: when a meeting ends.
 * <ul>
 * <li>Always: when its last caller (joined or waiting) leaves. A meeting that never started then disappears without
 * {@code meeting.ended}.</li>
 * <li>{@code moderator}: also {@code conference_stop_wait} seconds after its last host left ({@code stop-wait}; 0 at
 * once); a host who joins before then keeps it alive. Everyone still in it hears {@code meeting-ended} and is hung
 * up.</li>
 * </ul>
 */
public final class StopRule implements Rule {

    public static final String HOW = "conference_stop_how";
    public static final String WAIT = "conference_stop_wait";

    @Override
    public void onLeft(LiveMeeting meeting, Participant call) {
        Conference after = meeting.conference();
        if (after.callers() == 0) {
            meeting.end(null);
            return;
        }
        boolean lastHost = call.hasJoined() && call.role() == Participant.HOST && after.count(Participant.HOST) == 0;
        if (lastHost && "moderator".equals(after.inForce().text(HOW))) {
            long wait = after.inForce().number(WAIT, 0);
            if (wait <= 0) {
                meeting.end(Prompts.MEETING_ENDED);
            } else {
                meeting.armIn(Deadline.STOP_WAIT, wait);
            }
        }
    }

    @Override
    public void onEntered(LiveMeeting meeting, Participant call) {
        if (call.role() == Participant.HOST) {
            meeting.cancel(Deadline.STOP_WAIT);
        }
    }

    @Override
    public void onDeadline(LiveMeeting meeting, Deadline deadline) {
        if (deadline.equals(Deadline.STOP_WAIT)) {
            meeting.end(Prompts.MEETING_ENDED);
        }
    }
}
