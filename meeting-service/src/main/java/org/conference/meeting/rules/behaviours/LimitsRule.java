package org.conference.meeting.rules.behaviours;

import java.util.OptionalLong;

import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.Deadline;
import org.conference.meeting.rules.InForce;
import org.conference.meeting.rules.LiveMeeting;
import org.conference.meeting.rules.Participant;

/**
 * The caps and the clocks.
 * <ul>
 * <li>{@code conference_maxcalls}: calls the meeting may hold, joined and waiting together; 0 or less is
 * unlimited (a meeting nobody may enter is no meeting). A caller over it hears {@code max-calls} and is hung up
 * (refusal {@code max-calls}).</li>
 * <li>{@code conference_maxcallsperrole} {@code h:p:l}: the same per role; negative is unlimited, 0 admits none of
 * that role (refusal {@code max-calls-role}, prompt {@code max-calls}).</li>
 * <li>{@code call_maxduration}: seconds a call may stay from joining (0 or less unlimited): then
 * {@code max-duration} and the hang-up. One deadline, {@code call-max}, for the first call due: a join moves it only
 * when that call is due first (never, in join order), so joins stay cheap; when it fires, every call due is hung up
 * and it moves on to the next. Set on the live meeting, the new value counts for every call from its join.</li>
 * <li>{@code conference_maxduration}: seconds from the start ({@code meeting-max}; -1, 0 unlimited): then the
 * meeting ends as {@code DELETE /meetings/{n}} ends it, everyone hearing {@code meeting-ended} first. Set on the
 * live meeting, it counts from the start again.</li>
 * </ul>
 */
public final class LimitsRule implements Rule {

    public static final String MAX_CALLS = "conference_maxcalls";
    public static final String MAX_CALLS_PER_ROLE = "conference_maxcallsperrole";
    public static final String CALL_MAX_DURATION = "call_maxduration";
    public static final String MAX_DURATION = "conference_maxduration";

    @Override
    public EntryRefusal refusal(Conference meeting, Participant caller) {
        InForce inForce = meeting.inForce();
        long maxCalls = inForce.number(MAX_CALLS, 0);
        if (maxCalls > 0 && meeting.callers() >= maxCalls) {
            return new EntryRefusal("max-calls", Prompts.MAX_CALLS);
        }
        long roleLimit = perRole(inForce.text(MAX_CALLS_PER_ROLE), caller.role());
        int ofRole = meeting.joinedCount().of(caller.role()) + meeting.waitingCount().of(caller.role());
        if (roleLimit >= 0 && ofRole >= roleLimit) {
            return new EntryRefusal("max-calls-role", Prompts.MAX_CALLS);
        }
        return null;
    }

    /** The limit for {@code role} in {@code h:p:l}; -1 (unlimited) when absent or malformed. */
    static long perRole(String limits, int role) {
        String[] parts = limits.split(":");
        if (parts.length != 3 || role < Participant.HOST || role > Participant.LISTENER) {
            return -1;
        }
        try {
            return Long.parseLong(parts[role - 1].trim());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    @Override
    public void onEntered(LiveMeeting meeting, Participant call) {
        long seconds = meeting.inForce().number(CALL_MAX_DURATION, 0);
        Long armed = meeting.conference().deadlines().get(Deadline.CALL_MAX.name());
        long due = call.joined() + seconds * 1000;
        if (seconds > 0 && (armed == null || due < armed)) {
            meeting.arm(Deadline.CALL_MAX, due);
        }
    }

    @Override
    public void onStarted(LiveMeeting meeting) {
        armMeetingMax(meeting);
    }

    @Override
    public void onAttribute(LiveMeeting meeting, String name, String value) {
        if (MAX_DURATION.equals(name) && meeting.conference().started()) {
            armMeetingMax(meeting);
        } else if (CALL_MAX_DURATION.equals(name)) {
            armCallMax(meeting);
        }
    }

    @Override
    public void onDeadline(LiveMeeting meeting, Deadline deadline) {
        if (deadline.equals(Deadline.CALL_MAX)) {
            hangUpCallsDue(meeting);
        } else if (deadline.equals(Deadline.MEETING_MAX)) {
            meeting.end(Prompts.MEETING_ENDED);
        }
    }

    /** Every call whose time is up is hung up; a call that left since the deadline was armed is simply not there. */
    private static void hangUpCallsDue(LiveMeeting meeting) {
        long seconds = meeting.inForce().number(CALL_MAX_DURATION, 0);
        if (seconds <= 0) {
            return;
        }
        for (Participant call : meeting.conference().participants()) {
            if (call.joined() + seconds * 1000 <= meeting.now()) {
                meeting.hangUp(call, Prompts.MAX_DURATION);
                if (meeting.gone()) {
                    return;
                }
            }
        }
        armCallMax(meeting);
    }

    /** {@code call-max} at the first call due, or none. */
    private static void armCallMax(LiveMeeting meeting) {
        long seconds = meeting.inForce().number(CALL_MAX_DURATION, 0);
        OptionalLong first = meeting.conference().participants().stream().mapToLong(Participant::joined).min();
        if (seconds > 0 && first.isPresent()) {
            meeting.arm(Deadline.CALL_MAX, first.getAsLong() + seconds * 1000);
        } else {
            meeting.cancel(Deadline.CALL_MAX);
        }
    }

    private static void armMeetingMax(LiveMeeting meeting) {
        long seconds = meeting.inForce().number(MAX_DURATION, -1);
        if (seconds > 0) {
            meeting.arm(Deadline.MEETING_MAX, meeting.conference().startedAt() + seconds * 1000);
        } else {
            meeting.cancel(Deadline.MEETING_MAX);
        }
    }
}
