package org.conference.meeting.rules;

import java.util.List;
import java.util.function.UnaryOperator;

import org.conference.common.events.MeetingEvent;
import org.conference.common.events.TelephonyCommand;
import org.conference.meeting.rules.Outcome.Happening;
import org.conference.meeting.rules.behaviours.Lifecycle;

/**
 * The meeting while one input is being decided: the meeting so far, the time, what the rules may do to it (change
 * it, tell the world, tell the edge, arm deadlines) and the life-cycle moves every rule shares (start it, hang a call
 * up, end it). Everything lands in the write's {@link Outcome.Builder}, in order.
 */
public final class LiveMeeting {

    private final Outcome.Builder effects;
    private final long now;
    private final Lifecycle lifecycle;

    LiveMeeting(Outcome.Builder effects, long now, Lifecycle lifecycle) {
        this.effects = effects;
        this.now = now;
        this.lifecycle = lifecycle;
    }

    /** The meeting as decided so far; null once it ended (or before the first caller opened it). */
    public Conference conference() {
        return effects.conference();
    }

    public boolean gone() {
        return effects.conference() == null;
    }

    public InForce inForce() {
        return conference().inForce();
    }

    public long now() {
        return now;
    }

    public void become(Conference next) {
        effects.become(next);
    }

    public void change(UnaryOperator<Conference> change) {
        effects.become(change.apply(effects.conference()));
    }

    /** A domain event about {@code call} (or the meeting alone when null), with the meeting as it is now. */
    public void happened(String type, Participant call) {
        effects.happened(type, call);
    }

    /** {@code call.created}: the Call as it was before entering, as the reference shows a new call. */
    public void created(Participant call) {
        effects.happenedBeforeJoining(MeetingEvent.CALL_CREATED, call);
    }

    public void callUpdated(Participant call) {
        effects.happened(MeetingEvent.CALL_UPDATED, call);
        effects.project(call.callId(), call);
    }

    public void meetingUpdated() {
        effects.happened(MeetingEvent.MEETING_UPDATED, null);
    }

    public void instruct(Participant call, String type, String argument) {
        effects.instruct(call.edgeCallId(), type, argument);
    }

    public void play(Participant call, String prompt) {
        effects.instruct(call.edgeCallId(), TelephonyCommand.PLAY, prompt);
    }

    /** The Calls API shows {@code call} as it is now. */
    public void project(Participant call) {
        effects.project(call.callId(), call);
    }

    /** The Call {@code callId} is gone from the Calls API. */
    public void projectGone(long callId) {
        effects.project(callId, null);
    }

    /** Counted in {@code conference_calls_refused_total{reason}}. */
    public void refuse(long callId, String reason) {
        effects.refuse(callId, reason);
    }

    public void arm(Deadline deadline, long at) {
        change(meeting -> meeting.withDeadline(deadline.name(), at));
    }

    /** Arms {@code deadline} {@code seconds} from now. */
    public void armIn(Deadline deadline, long seconds) {
        arm(deadline, now + seconds * 1000);
    }

    public void cancel(Deadline deadline) {
        if (!gone()) {
            change(meeting -> meeting.withoutDeadline(deadline.name()));
        }
    }

    /** What happened so far in this write (for what is decided once per write). */
    public List<Happening> happenings() {
        return effects.happenings();
    }

    /** Starts a meeting whose callers wait: every waiting caller joins, in the order they arrived. */
    public void start() {
        lifecycle.start(this, null);
    }

    /** The meeting ends {@code call}: a {@code play} of {@code prompt} first (when not null), then it leaves. */
    public void hangUp(Participant call, String prompt) {
        lifecycle.hangUp(this, call, prompt);
    }

    /** Every call is hung up (after a {@code play} of {@code prompt} when not null) and the meeting ends. */
    public void end(String prompt) {
        lifecycle.end(this, prompt);
    }
}
