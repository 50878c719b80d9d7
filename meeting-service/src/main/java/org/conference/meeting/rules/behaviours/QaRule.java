package org.conference.meeting.rules.behaviours;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.conference.common.events.TelephonyCommand;
import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.LiveMeeting;
import org.conference.meeting.rules.Participant;
import org.conference.meeting.rules.QaSession;

/**
 * Q&A: a moderated floor. Moderators are the roles of {@code conference_qa_dtmf}, the audience the roles of
 * {@code conference_qa_policy}; both key {@code conference_qa_dtmf_binding} (B, {@code *4} by default).
 * <ul>
 * <li>A moderator keys B: the session opens (Meeting {@code qaMode} 1); the audience is muted (Call
 * {@code qaMode} 1) and everyone hears {@code qa-started}.</li>
 * <li>Someone in the audience keys B: a hand is raised (queued in order, {@code hand-raised}); again: lowered
 * ({@code hand-lowered}); keyed by whoever has the floor, it gives the floor back.</li>
 * <li>A moderator keys B again: the speaker (if any) is muted again, the first raised hand gets the floor: unmuted,
 * Call {@code qaMode} 2, Meeting {@code qaMode} 2, it hears {@code your-turn}. No hand raised: the moderator hears
 * {@code queue-cleared}.</li>
 * <li>B{@code 0}: every hand is lowered (each hears {@code queue-cleared}) and the speaker muted again; the
 * Meeting shows {@code qaMode} 4, then 1.</li>
 * <li>B{@code 9}: the session ends: every audience call gets back the mute it had before, Call and Meeting
 * {@code qaMode} 0, everyone hears {@code qa-ended}.</li>
 * </ul>
 * Audience callers who join during a session join silenced. Every Call and Meeting change is a {@code call.updated}
 * or {@code meeting.updated}; the queue itself is the runtime attribute {@code conf_qa_queue}.
 */
public final class QaRule implements Rule {

    public static final String MODERATORS = "conference_qa_dtmf";
    public static final String AUDIENCE_POLICY = "conference_qa_policy";
    /** Call {@code qaMode}: in the session's audience, silent; speaking, with the floor. */
    public static final int AUDIENCE = 1;
    public static final int SPEAKING = 2;
    /** Meeting {@code qaMode}: a session, nobody has the floor; someone has it; the queue being cleared. */
    public static final int SESSION = 1;
    public static final int FLOOR = 2;
    public static final int CLEARING = 4;

    @Override
    public Participant onEntering(LiveMeeting meeting, Participant caller) {
        Conference live = meeting.conference();
        if (live.qaMode() == 0 || !live.inForce().allows(AUDIENCE_POLICY, caller.role())) {
            return caller;
        }
        meeting.change(current -> current.withQa(current.qaMode(),
                current.qa().remembering(caller.callId(), caller.muteMode())));
        return silenced(caller);
    }

    @Override
    public void onLeft(LiveMeeting meeting, Participant call) {
        Conference live = meeting.conference();
        if (live.qaMode() == 0) {
            return;
        }
        QaSession session = live.qa().forgetting(call.callId());
        int mode = live.qaMode() == FLOOR && session.speaker() == 0 ? SESSION : live.qaMode();
        meeting.change(current -> current.withQa(mode, session));
        if (mode != live.qaMode()) {
            meeting.meetingUpdated();
        }
    }

    /** B keyed by a moderator: opens the session, or gives the floor to the next raised hand. */
    public void moderate(LiveMeeting meeting, Participant moderator) {
        if (meeting.conference().qaMode() == 0) {
            open(meeting, moderator);
        } else {
            next(meeting, moderator);
        }
    }

    /** B keyed by the audience: a hand raised or lowered, or the floor given back. */
    public void hand(LiveMeeting meeting, Participant caller) {
        QaSession session = meeting.conference().qa();
        if (session.speaker() == caller.callId()) {
            endTurn(meeting);
            meeting.play(caller, Prompts.HAND_LOWERED);
            meeting.meetingUpdated();
        } else if (session.raised(caller.callId())) {
            meeting.change(live -> live.withQa(live.qaMode(), session.lowering(caller.callId())));
            meeting.play(caller, Prompts.HAND_LOWERED);
        } else {
            meeting.change(live -> live.withQa(live.qaMode(), session.raising(caller.callId())));
            meeting.play(caller, Prompts.HAND_RAISED);
        }
    }

    /** B0. */
    public void clear(LiveMeeting meeting, Participant moderator) {
        endTurn(meeting);
        for (long hand : meeting.conference().qa().hands()) {
            meeting.conference().joined(hand).ifPresent(call -> meeting.play(call, Prompts.QUEUE_CLEARED));
        }
        meeting.change(live -> live.withQa(CLEARING, live.qa().withoutHands()));
        meeting.meetingUpdated();
        meeting.change(live -> live.withQa(SESSION, live.qa()));
        meeting.meetingUpdated();
        meeting.play(moderator, Prompts.QUEUE_CLEARED);
    }

    /** B9. */
    public void close(LiveMeeting meeting, Participant moderator) {
        QaSession session = meeting.conference().qa();
        List<Participant> next = new ArrayList<>();
        List<Participant> restored = new ArrayList<>();
        for (Participant call : meeting.conference().participants()) {
            Integer before = session.muteBefore(call.callId());
            Participant after = call.qaMode() == 0 ? call
                    : call.withQaMode(0).withMuteMode(before != null ? before : call.muteMode());
            next.add(after);
            if (after != call) {
                restored.add(after);
                muteChange(meeting, call, after);
            }
        }
        meeting.change(live -> live.withParticipants(next).withQa(0, QaSession.NONE));
        restored.forEach(meeting::callUpdated);
        meeting.conference().participants().forEach(call -> meeting.play(call, Prompts.QA_ENDED));
        meeting.meetingUpdated();
    }

    private void open(LiveMeeting meeting, Participant moderator) {
        Conference live = meeting.conference();
        QaSession session = QaSession.NONE;
        List<Participant> next = new ArrayList<>();
        List<Participant> silenced = new ArrayList<>();
        for (Participant call : live.participants()) {
            boolean audience = call.callId() != moderator.callId()
                    && live.inForce().allows(AUDIENCE_POLICY, call.role());
            if (audience) {
                session = session.remembering(call.callId(), call.muteMode());
                Participant after = silenced(call);
                silenced.add(after);
                muteChange(meeting, call, after);
                next.add(after);
            } else {
                next.add(call);
            }
        }
        QaSession opened = session;
        meeting.change(current -> current.withParticipants(next).withQa(SESSION, opened));
        silenced.forEach(meeting::callUpdated);
        meeting.conference().participants().forEach(call -> meeting.play(call, Prompts.QA_STARTED));
        meeting.meetingUpdated();
    }

    private void next(LiveMeeting meeting, Participant moderator) {
        endTurn(meeting);
        QaSession session = meeting.conference().qa();
        Optional<Participant> speaker = Optional.empty();
        while (speaker.isEmpty() && !session.hands().isEmpty()) {
            long hand = session.hands().get(0);
            session = session.lowering(hand);
            speaker = meeting.conference().joined(hand);
        }
        QaSession after = session;
        if (speaker.isEmpty()) {
            meeting.change(live -> live.withQa(SESSION, after));
            meeting.play(moderator, Prompts.QUEUE_CLEARED);
            return;
        }
        Participant before = speaker.get();
        Participant speaking = before.withQaMode(SPEAKING).withMuteMode(0);
        meeting.change(live -> live.replacing(before.callId(), call -> speaking)
                .withQa(FLOOR, after.withSpeaker(before.callId())));
        muteChange(meeting, before, speaking);
        meeting.play(speaking, Prompts.YOUR_TURN);
        meeting.callUpdated(speaking);
        meeting.meetingUpdated();
    }

    /** Whoever has the floor goes back to the silent audience. */
    private static void endTurn(LiveMeeting meeting) {
        Conference live = meeting.conference();
        Optional<Participant> speaker = live.joined(live.qa().speaker());
        if (live.qa().speaker() == 0 || speaker.isEmpty()) {
            return;
        }
        Participant back = silenced(speaker.get().withMuteMode(0));
        meeting.change(current -> current.replacing(back.callId(), call -> back)
                .withQa(SESSION, current.qa().withSpeaker(0)));
        muteChange(meeting, speaker.get(), back);
        meeting.callUpdated(back);
    }

    private static Participant silenced(Participant call) {
        Participant audience = call.withQaMode(AUDIENCE);
        return call.muted() ? audience : audience.withMuteMode(EntryRule.mutedByMeeting(call.role()));
    }

    private static void muteChange(LiveMeeting meeting, Participant before, Participant after) {
        if (before.muted() != after.muted()) {
            meeting.instruct(after, after.muted() ? TelephonyCommand.MUTE : TelephonyCommand.UNMUTE, null);
        }
    }
}
