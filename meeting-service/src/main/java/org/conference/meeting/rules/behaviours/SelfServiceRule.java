package org.conference.meeting.rules.behaviours;

import org.conference.meeting.rules.LiveMeeting;
import org.conference.meeting.rules.Participant;

/**
 * What a caller asks for itself by DTMF: {@code call_exit_dtmf} (hears {@code goodbye}, is hung up, leaves),
 * {@code call_instructions_dtmf} (hears {@code help}) and {@code call_operator_dtmf} (hears {@code no-operator}:
 * there is no operator to transfer to).
 */
public final class SelfServiceRule implements Rule {

    public void exit(LiveMeeting meeting, Participant caller) {
        meeting.hangUp(caller, Prompts.GOODBYE);
    }

    public void help(LiveMeeting meeting, Participant caller) {
        meeting.play(caller, Prompts.HELP);
    }

    public void operator(LiveMeeting meeting, Participant caller) {
        meeting.play(caller, Prompts.NO_OPERATOR);
    }
}
