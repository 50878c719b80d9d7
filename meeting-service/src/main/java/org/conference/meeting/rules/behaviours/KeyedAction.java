package org.conference.meeting.rules.behaviours;

import org.conference.meeting.rules.LiveMeeting;
import org.conference.meeting.rules.Participant;

/** What a DTMF binding does when {@code caller} keys it. */
@FunctionalInterface
public interface KeyedAction {

    void keyed(LiveMeeting meeting, Participant caller);
}
