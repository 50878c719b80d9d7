package org.conference.meeting.rules;

import static org.conference.common.events.MeetingEvent.CALL_CREATED;
import static org.conference.common.events.MeetingEvent.CALL_JOINED;
import static org.conference.common.events.MeetingEvent.CALL_LEFT;
import static org.conference.common.events.MeetingEvent.CALL_UPDATED;
import static org.conference.common.events.MeetingEvent.MEETING_ENDED;
import static org.conference.common.events.MeetingEvent.MEETING_STARTED;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.conference.common.events.TelephonyCommand;
import org.conference.meeting.rules.MeetingInput.Drop;
import org.conference.meeting.rules.MeetingInput.End;
import org.conference.meeting.rules.MeetingInput.Join;
import org.conference.meeting.rules.MeetingInput.Leave;
import org.conference.meeting.rules.MeetingInput.SetAttribute;
import org.conference.meeting.rules.MeetingInput.UpdateCall;
import org.springframework.stereotype.Component;

/**
 * The meeting state machine: a pure function from a meeting (or none) and one input to the next meeting and its
 * effects. Every input is idempotent (joining twice, leaving twice change nothing), so a redelivered input is
 * harmless. Start semantics are {@code first} here: the first caller whose code opens the room starts it.
 */
@Component
public class MeetingRules {

    /** True when applying {@code input} starts a meeting, which then needs a fresh meeting id. */
    public boolean startsMeeting(Conference current, MeetingInput input) {
        return current == null && input instanceof Join;
    }

    /** Applies inputs in order; {@code newMeetingId} is used only if {@link #startsMeeting} was true. */
    public void apply(Outcome.Builder effects, MeetingInput input, long now, long newMeetingId) {
        // Java 17: no pattern switch yet; the input types are sealed, so this chain is exhaustive
        if (input instanceof Join join) {
            join(effects, join, now, newMeetingId);
        } else if (input instanceof Leave leave) {
            leave(effects, leave.callId());
        } else if (input instanceof Drop drop) {
            drop(effects, drop.callId());
        } else if (input instanceof UpdateCall update) {
            update(effects, update);
        } else if (input instanceof SetAttribute attribute) {
            setAttribute(effects, attribute);
        } else if (input instanceof End) {
            end(effects);
        }
    }

    public Outcome.Builder begin(Conference current) {
        return new Outcome.Builder(current);
    }

    private void join(Outcome.Builder effects, Join join, long now, long newMeetingId) {
        Conference meeting = effects.conference();
        Participant caller = join.participant();
        if (meeting != null && meeting.participant(caller.callId()).isPresent()) {
            return;
        }
        effects.happenedBeforeJoining(CALL_CREATED, caller);
        if (meeting == null) {
            meeting = start(join.room(), newMeetingId, now);
            effects.become(meeting);
            effects.happened(MEETING_STARTED, null);
        }
        Participant joined = caller.withJoined(now);
        effects.become(meeting.adding(joined));
        effects.instruct(joined.edgeCallId(), TelephonyCommand.JOIN, Long.toString(meeting.meetingNumber()));
        effects.happened(CALL_JOINED, joined);
        effects.project(joined.callId(), joined);
    }

    private void leave(Outcome.Builder effects, long callId) {
        Conference meeting = effects.conference();
        Optional<Participant> present = meeting == null ? Optional.empty() : meeting.participant(callId);
        effects.project(callId, null);
        if (present.isEmpty()) {
            return;
        }
        Conference after = meeting.without(callId);
        effects.become(after);
        effects.happened(CALL_LEFT, present.get());
        if (after.participants().isEmpty()) {
            effects.happened(MEETING_ENDED, null);
            effects.become(null);
        }
    }

    private void drop(Outcome.Builder effects, long callId) {
        Conference meeting = effects.conference();
        if (meeting != null) {
            meeting.participant(callId).ifPresent(call ->
                    effects.instruct(call.edgeCallId(), TelephonyCommand.HANGUP, null));
        }
        leave(effects, callId);
    }

    private void end(Outcome.Builder effects) {
        Conference meeting = effects.conference();
        if (meeting == null) {
            return;
        }
        List<Participant> everyone = meeting.participants();
        for (Participant call : everyone) {
            drop(effects, call.callId());
        }
        if (everyone.isEmpty()) {
            effects.happened(MEETING_ENDED, null);
            effects.become(null);
        }
    }

    private void update(Outcome.Builder effects, UpdateCall update) {
        Conference meeting = effects.conference();
        if (meeting == null) {
            return;
        }
        meeting.participant(update.callId()).ifPresent(before -> {
            Participant after = update.changes().applyTo(before);
            effects.become(meeting.replacing(before.callId(), call -> after));
            if (before.muted() != after.muted()) {
                effects.instruct(after.edgeCallId(), after.muted() ? TelephonyCommand.MUTE : TelephonyCommand.UNMUTE,
                        null);
            }
            if (before.held() != after.held()) {
                effects.instruct(after.edgeCallId(), after.held() ? TelephonyCommand.HOLD : TelephonyCommand.UNHOLD,
                        null);
            }
            effects.happened(CALL_UPDATED, after);
            effects.project(after.callId(), after);
        });
    }

    private void setAttribute(Outcome.Builder effects, SetAttribute attribute) {
        Conference meeting = effects.conference();
        if (meeting != null) {
            effects.become(meeting.withAttribute(attribute.name(), attribute.value()));
        }
    }

    private static Conference start(RoomContext room, long meetingId, long now) {
        String mutePolicy = room.attributes().getOrDefault("conference_mute_policy", "");
        String holdPolicy = room.attributes().getOrDefault("conference_hold_policy", "");
        boolean distributed = "on".equals(room.attributes().get("conference_distributed"));
        return new Conference(meetingId, room.meetingNumber(), room.ownerSid(), room.ownerLineage(), room.ownerName(),
                now, Conference.ACTIVE, false, false, initialMuteMode(mutePolicy), initialHoldMode(holdPolicy), 0,
                distributed ? 1 : 0, room.attributes(), List.of(), List.of(), Map.of());
    }

    /** The reference's Meeting {@code muteMode}: 40 participants and listeners muted, 32 listeners muted. */
    static int initialMuteMode(String policy) {
        if (policy.contains("p") && policy.contains("l")) {
            return 40;
        }
        return policy.contains("l") ? 32 : 0;
    }

    /** The reference's Meeting {@code holdMode}: 40 when participants and listeners start on hold. */
    static int initialHoldMode(String policy) {
        return policy.contains("p") && policy.contains("l") ? 40 : 0;
    }
}
