package org.conference.meeting.rules.behaviours;

import java.util.ArrayList;
import java.util.List;

import org.conference.common.events.TelephonyCommand;
import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.LiveMeeting;
import org.conference.meeting.rules.Participant;

/**
 * {@code conference_hold_dtmf} / {@code _binding}: the conference on hold. Keyed in a live meeting it puts every
 * participant and listener on hold (Call {@code holdMode} 40, music instead of the mix; Meeting {@code state} 1, and
 * later joiners of those roles are held too) while the hosts talk; keyed again it takes everyone off hold (those the
 * hold policy held included) and the Meeting is active (2) again. The keyer hears {@code on-hold}/{@code off-hold}.
 * Keyed while the meeting has not started (a waiting caller: {@code explicit} start), it starts the meeting:
 * "taking the meeting off hold".
 */
public final class HoldRule implements Rule {

    @Override
    public Participant onEntering(LiveMeeting meeting, Participant caller) {
        boolean onHold = meeting.conference().state() == Conference.ON_HOLD && caller.role() != Participant.HOST;
        return onHold ? caller.withHoldMode(EntryRule.HELD) : caller;
    }

    /** The hold binding. */
    public void toggle(LiveMeeting meeting, Participant keyer) {
        if (!meeting.conference().started()) {
            meeting.start();
            return;
        }
        boolean hold = meeting.conference().state() == Conference.ACTIVE;
        List<Participant> next = new ArrayList<>();
        List<Participant> changed = new ArrayList<>();
        for (Participant call : meeting.conference().participants()) {
            boolean affected = call.callId() != keyer.callId() && call.role() != Participant.HOST
                    && call.held() != hold;
            Participant after = affected ? call.withHoldMode(hold ? EntryRule.HELD : 0) : call;
            next.add(after);
            if (affected) {
                changed.add(after);
            }
        }
        meeting.change(live -> live.withParticipants(next).withState(hold ? Conference.ON_HOLD : Conference.ACTIVE));
        for (Participant call : changed) {
            meeting.instruct(call, hold ? TelephonyCommand.HOLD : TelephonyCommand.UNHOLD, null);
            meeting.callUpdated(call);
        }
        meeting.play(keyer, hold ? Prompts.ON_HOLD : Prompts.OFF_HOLD);
        meeting.meetingUpdated();
    }
}
