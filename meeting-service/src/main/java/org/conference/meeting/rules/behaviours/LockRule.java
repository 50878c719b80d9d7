package org.conference.meeting.rules.behaviours;

import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.LiveMeeting;
import org.conference.meeting.rules.Participant;

/**
 * The lock (Meeting {@code isSecured}): a locked meeting refuses everyone but hosts ({@code locked}, then the
 * hang-up; refusal {@code locked}). A caller whose role is in {@code conference_lock_dtmf} toggles it with
 * {@code conference_lock_dtmf_binding} and hears {@code locked}/{@code unlocked}; the API sets it with
 * {@code PUT /meetings/{n}/attributes/conf_locked} {@code on}/{@code off} (a runtime attribute: the catalog has no
 * lock attribute, only who may lock by DTMF).
 */
public final class LockRule implements Rule {

    /** The runtime attribute that reads and sets the lock. */
    public static final String ATTRIBUTE = "conf_locked";

    @Override
    public EntryRefusal refusal(Conference meeting, Participant caller) {
        return meeting.secured() && caller.role() != Participant.HOST
                ? new EntryRefusal("locked", Prompts.LOCKED) : null;
    }

    /** The lock binding: locks an open meeting, opens a locked one. */
    public void toggle(LiveMeeting meeting, Participant keyer) {
        boolean locked = !meeting.conference().secured();
        meeting.change(live -> live.withSecured(locked));
        meeting.play(keyer, locked ? Prompts.LOCKED : Prompts.UNLOCKED);
        meeting.meetingUpdated();
    }

    @Override
    public void onAttribute(LiveMeeting meeting, String name, String value) {
        if (ATTRIBUTE.equals(name)) {
            meeting.change(live -> live.withSecured("on".equalsIgnoreCase(value)));
        }
    }
}
