package org.conference.meeting.rules.behaviours;

import java.util.ArrayList;
import java.util.List;

import org.conference.common.events.TelephonyCommand;
import org.conference.meeting.rules.LiveMeeting;
import org.conference.meeting.rules.Participant;

/**
 * Muting by DTMF.
 * <ul>
 * <li>{@code call_mute_dtmf} / {@code _binding}: a caller mutes itself (Call {@code muteMode} 36) and unmutes
 * itself again; a caller the meeting muted (40, 32) stays muted and hears {@code muted}: only the meeting lifts its
 * own mute.</li>
 * <li>{@code conference_mute_dtmf} / {@code _binding}: mutes every participant and listener (40, 32), and from then
 * on everyone who joins, until keyed again: then the calls the meeting muted are unmuted, except those a Q&A session
 * keeps silent. The keyer hears {@code all-muted}/{@code all-unmuted}.</li>
 * </ul>
 */
public final class MuteRule implements Rule {

    @Override
    public Participant onEntering(LiveMeeting meeting, Participant caller) {
        boolean silenced = meeting.conference().othersMuted() && caller.role() != Participant.HOST;
        return silenced && !caller.muted() ? caller.withMuteMode(EntryRule.mutedByMeeting(caller.role())) : caller;
    }

    /** The self-mute binding. */
    public void toggleSelf(LiveMeeting meeting, Participant caller) {
        if (EntryRule.mutedByMeeting(caller)) {
            meeting.play(caller, Prompts.MUTED);
            return;
        }
        boolean mute = !caller.muted();
        Participant after = caller.withMuteMode(mute ? EntryRule.SELF_MUTED : 0);
        meeting.change(live -> live.replacing(caller.callId(), call -> after));
        meeting.instruct(after, mute ? TelephonyCommand.MUTE : TelephonyCommand.UNMUTE, null);
        meeting.play(after, mute ? Prompts.MUTED : Prompts.UNMUTED);
        meeting.callUpdated(after);
    }

    /** The mute-others binding. */
    public void toggleOthers(LiveMeeting meeting, Participant keyer) {
        boolean mute = !meeting.conference().othersMuted();
        List<Participant> next = new ArrayList<>();
        List<Participant> changed = new ArrayList<>();
        for (Participant call : meeting.conference().participants()) {
            Participant after = call.callId() == keyer.callId() || call.role() == Participant.HOST ? call
                    : mute ? muted(call) : unmuted(call);
            next.add(after);
            if (after != call) {
                changed.add(after);
            }
        }
        meeting.change(live -> live.withParticipants(next).withOthersMuted(mute));
        for (Participant call : changed) {
            meeting.instruct(call, mute ? TelephonyCommand.MUTE : TelephonyCommand.UNMUTE, null);
            meeting.callUpdated(call);
        }
        meeting.play(keyer, mute ? Prompts.ALL_MUTED : Prompts.ALL_UNMUTED);
    }

    private static Participant muted(Participant call) {
        return call.muted() ? call : call.withMuteMode(EntryRule.mutedByMeeting(call.role()));
    }

    private static Participant unmuted(Participant call) {
        boolean keptSilentByQa = call.qaMode() == QaRule.AUDIENCE;
        return EntryRule.mutedByMeeting(call) && !keptSilentByQa ? call.withMuteMode(0) : call;
    }
}
