package org.conference.meeting.rules.behaviours;

import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.InForce;
import org.conference.meeting.rules.Participant;

/**
 * The in-meeting DTMF controls as data: each names the attribute whose role letters say who may use it, the
 * attribute holding its sequence (plus a suffix for the Q&A moderator's variants), and when it can be keyed. The
 * values are those in force on the meeting, so a binding changed on the live meeting applies at once. Where two
 * controls a caller may use have the same sequence, the earlier one here wins (a Q&A moderator's {@code *4} moderates;
 * it does not raise a hand).
 */
public enum KeypadBinding {

    SELF_MUTE("call_mute_dtmf", "call_mute_dtmf_binding", "", When.JOINED),
    MUTE_OTHERS("conference_mute_dtmf", "conference_mute_dtmf_binding", "", When.JOINED),
    LOCK("conference_lock_dtmf", "conference_lock_dtmf_binding", "", When.JOINED),
    HOLD("conference_hold_dtmf", "conference_hold_dtmf_binding", "", When.ALWAYS),
    RECORD("recording_dtmf", "recording_dtmf_binding", "", When.JOINED),
    EXIT("call_exit_dtmf", "call_exit_dtmf_binding", "", When.ALWAYS),
    COUNT("call_participantsnumber_dtmf", "call_participantsnumber_dtmf_binding", "", When.ALWAYS),
    TONES("conference_entryexittones_dtmf", "conference_entryexittones_dtmf_binding", "", When.JOINED),
    HELP("call_instructions_dtmf", "call_instructions_dtmf_binding", "", When.ALWAYS),
    OPERATOR("call_operator_dtmf", "call_operator_dtmf_binding", "", When.ALWAYS),
    QA_MODERATE(QaRule.MODERATORS, "conference_qa_dtmf_binding", "", When.JOINED),
    QA_CLEAR(QaRule.MODERATORS, "conference_qa_dtmf_binding", "0", When.IN_QA),
    QA_CLOSE(QaRule.MODERATORS, "conference_qa_dtmf_binding", "9", When.IN_QA),
    QA_HAND(QaRule.AUDIENCE_POLICY, "conference_qa_dtmf_binding", "", When.IN_QA);

    /** When a control can be keyed: also while waiting for the start, only in the mix, only during Q&A. */
    enum When {
        ALWAYS, JOINED, IN_QA
    }

    private final String roles;
    private final String binding;
    private final String suffix;
    private final When when;

    KeypadBinding(String roles, String binding, String suffix, When when) {
        this.roles = roles;
        this.binding = binding;
        this.suffix = suffix;
        this.when = when;
    }

    /** The attribute whose role letters may use this control. */
    public String rolesAttribute() {
        return roles;
    }

    /** The attribute whose DTMF sequence (plus the suffix) keys this control. */
    public String bindingAttribute() {
        return binding;
    }

    /** The sequence in force, or empty when the control has none (then it cannot be keyed). */
    public String sequence(InForce inForce) {
        String base = inForce.text(binding);
        return base.isEmpty() ? "" : base + suffix;
    }

    /** Whether {@code caller} may key this control in {@code meeting} now. */
    public boolean usableBy(Conference meeting, Participant caller) {
        boolean now = switch (when) {
            case ALWAYS -> true;
            case JOINED -> caller.hasJoined();
            case IN_QA -> caller.hasJoined() && meeting.qaMode() != 0;
        };
        return now && meeting.inForce().allows(roles, caller.role());
    }
}
