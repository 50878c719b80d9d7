package org.conference.meeting.rules;

/**
 * A call inside a live meeting: everything the reference's Call object shows, minus what is computed when read
 * ({@code duration}), and when its access code was complete at the edge ({@code codeKeyedAt}, 0 when unknown), which
 * the join latency is measured from even when the caller waited for the start. Roles: 1 host, 2 participant, 3
 * listener.
 */
public record Participant(
        long callId,
        String edgeCallId,
        long created,
        CallLine line,
        int role,
        String accessCode,
        long joined,
        int muteMode,
        int holdMode,
        String customName,
        int gainLevel,
        int presenterMedia,
        int connectionStatus,
        int qaMode,
        long codeKeyedAt) {

    public static final int HOST = 1;
    public static final int PARTICIPANT = 2;
    public static final int LISTENER = 3;

    /** A call whose code time does not matter (or is not known yet: the lobby builds it before the hand-over). */
    public Participant(long callId, String edgeCallId, long created, CallLine line, int role, String accessCode,
            long joined, int muteMode, int holdMode, String customName, int gainLevel, int presenterMedia,
            int connectionStatus, int qaMode) {
        this(callId, edgeCallId, created, line, role, accessCode, joined, muteMode, holdMode, customName, gainLevel,
                presenterMedia, connectionStatus, qaMode, 0);
    }

    public Participant withRole(int newRole) {
        return new Participant(callId, edgeCallId, created, line, newRole, accessCode, joined, muteMode, holdMode,
                customName, gainLevel, presenterMedia, connectionStatus, qaMode, codeKeyedAt);
    }

    public Participant withJoined(long at) {
        return new Participant(callId, edgeCallId, created, line, role, accessCode, at, muteMode, holdMode,
                customName, gainLevel, presenterMedia, connectionStatus, qaMode, codeKeyedAt);
    }

    public Participant withMuteMode(int mode) {
        return new Participant(callId, edgeCallId, created, line, role, accessCode, joined, mode, holdMode,
                customName, gainLevel, presenterMedia, connectionStatus, qaMode, codeKeyedAt);
    }

    public Participant withHoldMode(int mode) {
        return new Participant(callId, edgeCallId, created, line, role, accessCode, joined, muteMode, mode,
                customName, gainLevel, presenterMedia, connectionStatus, qaMode, codeKeyedAt);
    }

    public Participant withQaMode(int mode) {
        return new Participant(callId, edgeCallId, created, line, role, accessCode, joined, muteMode, holdMode,
                customName, gainLevel, presenterMedia, connectionStatus, mode, codeKeyedAt);
    }

    public Participant withDetails(String newCustomName, int newGainLevel, int newPresenterMedia,
            int newConnectionStatus, String newAccessCode, CallLine newLine) {
        return new Participant(callId, edgeCallId, created, newLine, role, newAccessCode, joined, muteMode, holdMode,
                newCustomName, newGainLevel, newPresenterMedia, newConnectionStatus, qaMode, codeKeyedAt);
    }

    public Participant withCodeKeyedAt(long at) {
        return new Participant(callId, edgeCallId, created, line, role, accessCode, joined, muteMode, holdMode,
                customName, gainLevel, presenterMedia, connectionStatus, qaMode, at);
    }

    public boolean muted() {
        return muteMode != 0;
    }

    public boolean held() {
        return holdMode != 0;
    }

    /** In the meeting's mix; a caller waiting for the start has not joined yet. */
    public boolean hasJoined() {
        return joined != 0;
    }
}
