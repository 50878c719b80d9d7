package org.conference.meeting.rules.behaviours;

import java.util.List;

import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.Deadline;
import org.conference.meeting.rules.LiveMeeting;
import org.conference.meeting.rules.Participant;

/**
 * {@code conference_start_how} and {@code conference_start_wait}: when a meeting starts.
 * <ul>
 * <li>{@code first} (and anything unknown): its first caller starts it.</li>
 * <li>{@code moderator}: a host starts it; callers before the first host wait on hold.</li>
 * <li>{@code explicit}: everyone waits, hosts too, until a caller whose role may use the conference hold binding
 * keys it (see {@link HoldRule}), or {@code PUT .../attributes/conference_start_how} sets {@code first} (or
 * {@code moderator} while a host waits).</li>
 * </ul>
 * With {@code conference_start_wait} &gt; 0 the first waiting caller arms {@code start-wait}: when it fires, every
 * waiting caller hears {@code start-timeout} and is hung up (refusal {@code start-wait}), and the meeting, never
 * started, disappears.
 */
public final class StartRule implements Rule {

    public static final String HOW = "conference_start_how";
    public static final String WAIT = "conference_start_wait";

    /** Whether {@code arriving} starts {@code meeting}, which has not started yet. */
    public boolean startsWith(Conference meeting, Participant arriving) {
        return switch (how(meeting)) {
            case "moderator" -> arriving.role() == Participant.HOST || meeting.waitingCount().hosts() > 0;
            case "explicit" -> false;
            default -> true;
        };
    }

    /** Whether the callers already waiting are enough to start {@code meeting} now. */
    public boolean startable(Conference meeting) {
        if (meeting.started() || meeting.waiting().isEmpty()) {
            return false;
        }
        return switch (how(meeting)) {
            case "moderator" -> meeting.waitingCount().hosts() > 0;
            case "explicit" -> false;
            default -> true;
        };
    }

    /** Starts the meeting if what changed (an attribute, a caller's role) lets the waiting callers in. */
    public void reconsider(LiveMeeting meeting) {
        if (!meeting.gone() && startable(meeting.conference())) {
            meeting.start();
        }
    }

    @Override
    public void onWaiting(LiveMeeting meeting, Participant caller) {
        long wait = meeting.inForce().number(WAIT, 0);
        if (meeting.conference().waiting().size() == 1 && wait > 0) {
            meeting.armIn(Deadline.START_WAIT, wait);
        }
    }

    @Override
    public void onStarted(LiveMeeting meeting) {
        meeting.cancel(Deadline.START_WAIT);
    }

    @Override
    public void onDeadline(LiveMeeting meeting, Deadline deadline) {
        if (!deadline.equals(Deadline.START_WAIT) || meeting.conference().started()) {
            return;
        }
        List<Participant> waiting = meeting.conference().waiting();
        for (Participant caller : waiting) {
            meeting.refuse(caller.callId(), "start-wait");
            meeting.hangUp(caller, Prompts.START_TIMEOUT);
            if (meeting.gone()) {
                return;
            }
        }
    }

    @Override
    public void onAttribute(LiveMeeting meeting, String name, String value) {
        if (HOW.equals(name)) {
            reconsider(meeting);
        }
    }

    private static String how(Conference meeting) {
        return meeting.inForce().text(HOW);
    }
}
