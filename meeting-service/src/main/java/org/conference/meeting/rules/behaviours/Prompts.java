package org.conference.meeting.rules.behaviours;

/** The prompts the meeting asks the edge to {@code play} (ARCHITECTURE.md §6): the argument of the command. */
public final class Prompts {

    public static final String ENTRY_TONE = "entry-tone";
    public static final String EXIT_TONE = "exit-tone";
    public static final String MAX_CALLS = "max-calls";
    public static final String LOCKED = "locked";
    public static final String UNLOCKED = "unlocked";
    public static final String WAITING_FOR_HOST = "waiting-for-host";
    public static final String START_TIMEOUT = "start-timeout";
    public static final String MAX_DURATION = "max-duration";
    public static final String MEETING_ENDED = "meeting-ended";
    public static final String MUTED = "muted";
    public static final String UNMUTED = "unmuted";
    public static final String ALL_MUTED = "all-muted";
    public static final String ALL_UNMUTED = "all-unmuted";
    public static final String ON_HOLD = "on-hold";
    public static final String OFF_HOLD = "off-hold";
    public static final String RECORDING_STARTED = "recording-started";
    public static final String RECORDING_STOPPED = "recording-stopped";
    public static final String HELP = "help";
    public static final String GOODBYE = "goodbye";
    public static final String NO_OPERATOR = "no-operator";
    public static final String QA_STARTED = "qa-started";
    public static final String QA_ENDED = "qa-ended";
    public static final String HAND_RAISED = "hand-raised";
    public static final String HAND_LOWERED = "hand-lowered";
    public static final String YOUR_TURN = "your-turn";
    public static final String QUEUE_CLEARED = "queue-cleared";

    private Prompts() {
    }

    /** The number of callers in the meeting, e.g. {@code count:7}. */
    public static String count(long callers) {
        return "count:" + callers;
    }

    /** The entry and exit tones now in force, e.g. {@code tones:on:off}. */
    public static String tones(boolean entry, boolean exit) {
        return "tones:" + (entry ? "on" : "off") + ":" + (exit ? "on" : "off");
    }
}
