package org.conference.meeting.rules.behaviours;

import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.Deadline;
import org.conference.meeting.rules.LiveMeeting;
import org.conference.meeting.rules.Participant;

/**
 * One behaviour of a live meeting, over the attributes in force. {@link Lifecycle} calls every rule at the same
 * moments of a meeting's life, in a fixed order; a rule acts only at the moments it cares about. Each moment is
 * called while the meeting is still live: once a rule ended it, the later rules are not called.
 */
public interface Rule {

    /** Why {@code caller} may not come into {@code meeting} (not live yet when it is the first caller), or null. */
    default EntryRefusal refusal(Conference meeting, Participant caller) {
        return null;
    }

    /** {@code caller} now waits, on hold, for the meeting to start. */
    default void onWaiting(LiveMeeting meeting, Participant caller) {
    }

    /** The meeting started and every caller that waited has joined. */
    default void onStarted(LiveMeeting meeting) {
    }

    /** {@code caller} is about to join the mix: the rule may change how it joins (muted, on hold). */
    default Participant onEntering(LiveMeeting meeting, Participant caller) {
        return caller;
    }

    /** {@code call} joined the mix. */
    default void onEntered(LiveMeeting meeting, Participant call) {
    }

    /** {@code call} left, joined or waiting ({@link Participant#hasJoined()}); the meeting no longer holds it. */
    default void onLeft(LiveMeeting meeting, Participant call) {
    }

    /** The meeting, started, is about to end: every call is still in it. */
    default void onEnding(LiveMeeting meeting) {
    }

    /** {@code deadline} is due (and already removed from the meeting). */
    default void onDeadline(LiveMeeting meeting, Deadline deadline) {
    }

    /** {@code PUT /meetings/{n}/attributes/{name}} set {@code name} to {@code value}, now in force. */
    default void onAttribute(LiveMeeting meeting, String name, String value) {
    }

    /** Every input of the write is applied: what is decided once per write, not once per input. */
    default void onDecided(LiveMeeting meeting) {
    }
}
