package org.conference.meeting.rules;

/**
 * A named moment at which the meeting must act, kept in {@link Conference#deadlines()} by {@link #name()}:
 * {@code start-wait}, {@code stop-wait}, {@code meeting-max}, {@code recording-stop}, {@code call-max} (the first
 * call whose {@code call_maxduration} is up: one deadline for all calls, so that a join does not copy a deadline per
 * caller) and per call {@code dtmf:<callId>} (the in-meeting digit prefix timeout).
 */
public record Deadline(String kind, long callId) {

    public static final Deadline START_WAIT = new Deadline("start-wait", 0);
    public static final Deadline STOP_WAIT = new Deadline("stop-wait", 0);
    public static final Deadline MEETING_MAX = new Deadline("meeting-max", 0);
    public static final Deadline RECORDING_STOP = new Deadline("recording-stop", 0);
    public static final Deadline CALL_MAX = new Deadline("call-max", 0);
    static final String KEYPAD = "dtmf";

    public static Deadline keypad(long callId) {
        return new Deadline(KEYPAD, callId);
    }

    public static Deadline parse(String name) {
        int colon = name.indexOf(':');
        if (colon < 0) {
            return new Deadline(name, 0);
        }
        try {
            return new Deadline(name.substring(0, colon), Long.parseLong(name.substring(colon + 1)));
        } catch (NumberFormatException notACall) {
            return new Deadline(name, 0);
        }
    }

    public String name() {
        return callId == 0 ? kind : kind + ":" + callId;
    }

    public boolean isKeypad() {
        return KEYPAD.equals(kind);
    }
}
