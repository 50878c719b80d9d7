package org.conference.meeting.rules.behaviours;

import static org.conference.common.events.MeetingEvent.CALL_JOINED;
import static org.conference.common.events.MeetingEvent.CALL_LEFT;
import static org.conference.common.events.MeetingEvent.MEETING_ENDED;
import static org.conference.common.events.MeetingEvent.MEETING_STARTED;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.conference.common.events.TelephonyCommand;
import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.Deadline;
import org.conference.meeting.rules.LiveMeeting;
import org.conference.meeting.rules.Participant;
import org.conference.meeting.rules.RoomContext;

/**
 * A meeting's life, the part every behaviour shares: a caller arrives (refused, waiting, or joining), the meeting
 * starts, calls join and leave, deadlines fire, attributes change, the meeting ends. At each of these moments every
 * {@link Rule} is asked, in order, what it does; the rules never call each other.
 */
public final class Lifecycle {

    private final StartRule start;
    private final List<Rule> rules;

    public Lifecycle(StartRule start, List<Rule> rules) {
        this.start = start;
        this.rules = List.copyOf(rules);
    }

    /** A caller whose code opened the room; {@code newMeetingId} is used if it opens the meeting. */
    public void join(LiveMeeting meeting, Participant caller, RoomContext room, long newMeetingId) {
        Conference current = meeting.conference();
        if (current != null && (current.holds(caller.callId()) || current.applied(refusedInput(caller)))) {
            return;
        }
        Conference joining = current != null ? current : EntryRule.opening(room, newMeetingId, meeting.now());
        EntryRefusal refusal = refusal(joining, caller);
        if (refusal != null) {
            turnAway(meeting, caller, refusal);
            return;
        }
        meeting.created(caller);
        if (current == null) {
            meeting.become(joining);
        }
        if (joining.started()) {
            enter(meeting, caller, false);
        } else if (start.startsWith(joining, caller)) {
            start(meeting, caller);
        } else {
            await(meeting, caller);
        }
    }

    /** The meeting starts: everyone waiting joins in arrival order, then {@code arriving} (if any) joins. */
    public void start(LiveMeeting meeting, Participant arriving) {
        meeting.change(live -> live.startingAt(meeting.now()));
        meeting.happened(MEETING_STARTED, null);
        for (Participant waiting : meeting.conference().waiting()) {
            enter(meeting, waiting, true);
        }
        if (arriving != null && !meeting.gone()) {
            enter(meeting, arriving, false);
        }
        each(meeting, rule -> rule.onStarted(meeting));
    }

    /** The caller hung up (or never got in): it leaves, and its Call is gone. */
    public void leave(LiveMeeting meeting, long callId) {
        meeting.projectGone(callId);
        Optional<Participant> present = meeting.gone() ? Optional.empty()
                : meeting.conference().participant(callId);
        if (present.isEmpty()) {
            return;
        }
        meeting.change(live -> live.without(callId));
        meeting.happened(CALL_LEFT, present.get());
        each(meeting, rule -> rule.onLeft(meeting, present.get()));
    }

    /** The meeting ends the call: a {@code play} of {@code prompt} first (when not null), the hang-up, it leaves. */
    public void hangUp(LiveMeeting meeting, Participant call, String prompt) {
        if (prompt != null) {
            meeting.play(call, prompt);
        }
        meeting.instruct(call, TelephonyCommand.HANGUP, null);
        leave(meeting, call.callId());
    }

    /** {@code DELETE /calls/{id}}: the edge hangs the call up, then it leaves. */
    public void drop(LiveMeeting meeting, long callId) {
        Optional<Participant> call = meeting.gone() ? Optional.empty() : meeting.conference().participant(callId);
        if (call.isPresent()) {
            hangUp(meeting, call.get(), null);
        } else {
            leave(meeting, callId);
        }
    }

    /**
     * Every call is hung up (after a {@code play} of {@code prompt} when not null) and the meeting ends: one
     * {@code meeting.ended} if it ever started; a meeting whose callers only waited disappears without one.
     */
    public void end(LiveMeeting meeting, String prompt) {
        if (meeting.gone()) {
            return;
        }
        boolean started = meeting.conference().started();
        if (started) {
            each(meeting, rule -> rule.onEnding(meeting));
        }
        List<Participant> everyone = new ArrayList<>(meeting.conference().participants());
        everyone.addAll(meeting.conference().waiting());
        for (Participant call : everyone) {
            if (prompt != null) {
                meeting.play(call, prompt);
            }
            meeting.instruct(call, TelephonyCommand.HANGUP, null);
            meeting.projectGone(call.callId());
            meeting.change(live -> live.without(call.callId()));
            meeting.happened(CALL_LEFT, call);
        }
        if (started) {
            meeting.happened(MEETING_ENDED, null);
        }
        meeting.become(null);
    }

    /** A tick: every deadline due now fires, earliest first, each once (it is removed before it fires). */
    public void fireDue(LiveMeeting meeting) {
        while (!meeting.gone()) {
            Optional<String> due = meeting.conference().dueDeadline(meeting.now());
            if (due.isEmpty()) {
                return;
            }
            meeting.change(live -> live.withoutDeadline(due.get()));
            Deadline deadline = Deadline.parse(due.get());
            each(meeting, rule -> rule.onDeadline(meeting, deadline));
        }
    }

    /** An attribute set on the live meeting: in force from now on (the lock is state, not an attribute). */
    public void attributeSet(LiveMeeting meeting, String name, String value) {
        if (meeting.gone()) {
            return;
        }
        if (!LockRule.ATTRIBUTE.equals(name)) {
            meeting.change(live -> live.withAttribute(name, value));
        }
        each(meeting, rule -> rule.onAttribute(meeting, name, value));
        if (!meeting.gone()) {
            meeting.meetingUpdated();
        }
    }

    /** The write's inputs are all applied. */
    public void decided(LiveMeeting meeting) {
        each(meeting, rule -> rule.onDecided(meeting));
    }

    private EntryRefusal refusal(Conference meeting, Participant caller) {
        for (Rule rule : rules) {
            EntryRefusal refusal = rule.refusal(meeting, caller);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    /**
     * A refused caller never entered: no event, its Call is gone. Remembered, so a redelivered request for it
     * cannot bring back a call the edge already hung up.
     */
    private static void turnAway(LiveMeeting meeting, Participant caller, EntryRefusal refusal) {
        meeting.play(caller, refusal.prompt());
        meeting.instruct(caller, TelephonyCommand.HANGUP, null);
        meeting.refuse(caller.callId(), refusal.reason());
        meeting.projectGone(caller.callId());
        if (!meeting.gone()) {
            meeting.change(live -> live.applying(refusedInput(caller)));
        }
    }

    private static String refusedInput(Participant caller) {
        return "refused:" + caller.callId();
    }

    private void await(LiveMeeting meeting, Participant caller) {
        Participant waiting = caller.withHoldMode(EntryRule.HELD);
        meeting.change(live -> live.waitingFor(waiting));
        meeting.instruct(waiting, TelephonyCommand.HOLD, null);
        meeting.play(waiting, Prompts.WAITING_FOR_HOST);
        meeting.project(waiting);
        each(meeting, rule -> rule.onWaiting(meeting, waiting));
    }

    private void enter(LiveMeeting meeting, Participant caller, boolean waited) {
        Participant entering = caller.withJoined(meeting.now()).withHoldMode(0);
        for (Rule rule : rules) {
            entering = rule.onEntering(meeting, entering);
        }
        Participant joined = entering;
        meeting.change(live -> live.entering(joined));
        meeting.instruct(joined, TelephonyCommand.JOIN, Long.toString(meeting.conference().meetingNumber()));
        if (waited != joined.held()) {
            meeting.instruct(joined, joined.held() ? TelephonyCommand.HOLD : TelephonyCommand.UNHOLD, null);
        }
        if (joined.muted()) {
            meeting.instruct(joined, TelephonyCommand.MUTE, null);
        }
        meeting.happened(CALL_JOINED, joined);
        meeting.project(joined);
        each(meeting, rule -> rule.onEntered(meeting, joined));
    }

    private void each(LiveMeeting meeting, Consumer<Rule> moment) {
        for (Rule rule : rules) {
            if (meeting.gone()) {
                return;
            }
            moment.accept(rule);
        }
    }
}
