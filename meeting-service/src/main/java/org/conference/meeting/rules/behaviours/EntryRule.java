package org.conference.meeting.rules.behaviours;

import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.InForce;
import org.conference.meeting.rules.LiveMeeting;
import org.conference.meeting.rules.Participant;
import org.conference.meeting.rules.RoomContext;

/**
 * {@code conference_mute_policy} and {@code conference_hold_policy}: the roles they name join muted (Call
 * {@code muteMode} 40, 32 for a listener: muted by the meeting) or on hold ({@code holdMode} 40). Read when each
 * caller joins, so a policy set on the live meeting applies to later joiners. The Meeting's own {@code muteMode} and
 * {@code holdMode} are the initial policy, as the reference says, and never change.
 */
public final class EntryRule implements Rule {

    public static final String MUTE_POLICY = "conference_mute_policy";
    public static final String HOLD_POLICY = "conference_hold_policy";
    /** Call and Meeting {@code holdMode}: on hold. */
    public static final int HELD = 40;
    /** Call {@code muteMode}: muted by the meeting (a participant, a host) or muted by the meeting (a listener). */
    public static final int MUTED_BY_MEETING = 40;
    public static final int LISTENER_MUTED_BY_MEETING = 32;
    /** Call {@code muteMode}: the caller muted itself. */
    public static final int SELF_MUTED = 36;

    @Override
    public Participant onEntering(LiveMeeting meeting, Participant caller) {
        InForce inForce = meeting.inForce();
        Participant entering = caller;
        if (inForce.allows(MUTE_POLICY, caller.role()) && !caller.muted()) {
            entering = entering.withMuteMode(mutedByMeeting(caller.role()));
        }
        if (inForce.allows(HOLD_POLICY, caller.role())) {
            entering = entering.withHoldMode(HELD);
        }
        return entering;
    }

    /** The Call {@code muteMode} of a call the meeting muted. */
    public static int mutedByMeeting(int role) {
        return role == Participant.LISTENER ? LISTENER_MUTED_BY_MEETING : MUTED_BY_MEETING;
    }

    /** Muted by the meeting (a policy, a host, Q&A), not by the caller itself. */
    public static boolean mutedByMeeting(Participant call) {
        return call.muteMode() == MUTED_BY_MEETING || call.muteMode() == LISTENER_MUTED_BY_MEETING;
    }

    /** The meeting a first caller's code opens, not started yet, with the attributes in force at the room. */
    static Conference opening(RoomContext room, long meetingId, long now) {
        String mutePolicy = room.attributes().getOrDefault(MUTE_POLICY, "");
        String holdPolicy = room.attributes().getOrDefault(HOLD_POLICY, "");
        boolean distributed = "on".equals(room.attributes().get("conference_distributed"));
        return Conference.opening(room, meetingId, now, initialMuteMode(mutePolicy), initialHoldMode(holdPolicy),
                distributed ? 1 : 0);
    }

    /** The reference's Meeting {@code muteMode}: 40 participants and listeners muted, 32 listeners muted. */
    public static int initialMuteMode(String policy) {
        if (InForce.hasRole(policy, Participant.PARTICIPANT) && InForce.hasRole(policy, Participant.LISTENER)) {
            return 40;
        }
        return InForce.hasRole(policy, Participant.LISTENER) ? 32 : 0;
    }

    /** The reference's Meeting {@code holdMode}: 40 when participants and listeners start on hold. */
    public static int initialHoldMode(String policy) {
        return InForce.hasRole(policy, Participant.PARTICIPANT) && InForce.hasRole(policy, Participant.LISTENER)
                ? HELD : 0;
    }
}
