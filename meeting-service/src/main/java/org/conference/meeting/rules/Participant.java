package org.conference.meeting.rules;

/**
 * A call inside a live meeting: everything the reference's Call object shows, minus what is computed when read
 * ({@code duration}). Roles: 1 host, 2 participant, 3 listener.
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
        int qaMode) {

    public static final int HOST = 1;
    public static final int PARTICIPANT = 2;
    public static final int LISTENER = 3;

    public Participant withRole(int newRole) {
        return new Participant(callId, edgeCallId, created, line, newRole, accessCode, joined, muteMode, holdMode,
                customName, gainLevel, presenterMedia, connectionStatus, qaMode);
    }

    public Participant withJoined(long at) {
        return new Participant(callId, edgeCallId, created, line, role, accessCode, at, muteMode, holdMode,
                customName, gainLevel, presenterMedia, connectionStatus, qaMode);
    }

    public Participant withMuteMode(int mode) {
        return new Participant(callId, edgeCallId, created, line, role, accessCode, joined, mode, holdMode,
                customName, gainLevel, presenterMedia, connectionStatus, qaMode);
    }

    public Participant withHoldMode(int mode) {
        return new Participant(callId, edgeCallId, created, line, role, accessCode, joined, muteMode, mode,
                customName, gainLevel, presenterMedia, connectionStatus, qaMode);
    }

    public Participant withQaMode(int mode) {
        return new Participant(callId, edgeCallId, created, line, role, accessCode, joined, muteMode, holdMode,
                customName, gainLevel, presenterMedia, connectionStatus, mode);
    }

    public Participant withDetails(String newCustomName, int newGainLevel, int newPresenterMedia,
            int newConnectionStatus, String newAccessCode, CallLine newLine) {
        return new Participant(callId, edgeCallId, created, newLine, role, newAccessCode, joined, muteMode, holdMode,
                newCustomName, newGainLevel, newPresenterMedia, newConnectionStatus, qaMode);
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
