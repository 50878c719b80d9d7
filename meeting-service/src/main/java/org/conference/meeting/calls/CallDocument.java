package org.conference.meeting.calls;

import java.util.ArrayList;
import java.util.List;

import org.conference.meeting.meetings.CallView;
import org.conference.meeting.rules.CallLine;
import org.conference.meeting.rules.Participant;
import org.conference.meeting.support.Owned;
import org.springframework.data.annotation.Id;

/**
 * A call as the Calls API lists it, with the reference's field names so the query language filters them directly.
 * A call keying in its code ({@code state} 1) is written by the lobby alone ({@code lobby}, guarded by its version);
 * once in a meeting ({@code state} 2) it is a projection of the meeting document, written only with a newer
 * {@code meetingVersion}. Owned by the DID group's owner until it joins, then by the room's owner.
 */
record CallDocument(
        @Id long id,
        String edgeCallId,
        int state,
        long created,
        String caller,
        String callee,
        String addressFrom,
        String addressTo,
        String codec,
        String nodeName,
        String bridgeName,
        String customName,
        int connectionStatus,
        int gainLevel,
        int holdMode,
        int muteMode,
        int presenterMedia,
        int qaMode,
        String accessCode,
        Long joined,
        Long meetingNumber,
        Integer role,
        String ownerSid,
        List<String> ownerLineage,
        long meetingVersion,
        LobbyState lobby) implements Owned {

    static final String COLLECTION = "calls";

    /**
     * A caller keying in its access code: the digits so far, wrong codes so far and how many it may key
     * ({@code call_operator_after}, -1 unlimited), the meeting it was handed to once a code opened a room, whether
     * it hung up since, the telephony events already applied (redeliveries change nothing), and a version.
     */
    record LobbyState(String digits, int attempts, int attemptsAllowed, Admission admittedTo, boolean hungUp,
            List<String> handledEvents, long version) {

        static final int REMEMBERED_EVENTS = 32;

        LobbyState {
            handledEvents = handledEvents == null ? List.of() : List.copyOf(handledEvents);
        }

        boolean handled(String eventId) {
            return handledEvents.contains(eventId);
        }

        static LobbyState fresh(int attemptsAllowed, String eventId) {
            return new LobbyState("", 0, attemptsAllowed, null, false, List.of(eventId), 1);
        }

        LobbyState after(String eventId, String nextDigits, int nextAttempts, Admission nextAdmittedTo,
                boolean nextHungUp) {
            List<String> handled = new ArrayList<>(handledEvents);
            if (eventId != null) {
                handled.add(eventId);
            }
            List<String> kept = handled.subList(Math.max(0, handled.size() - REMEMBERED_EVENTS), handled.size());
            return new LobbyState(nextDigits, nextAttempts, attemptsAllowed, nextAdmittedTo, nextHungUp, kept,
                    version + 1);
        }
    }

    /** The room a code opened and what it granted, kept so a lost hand-over can be made again. */
    record Admission(long meetingNumber, String accessCode, int role) {
    }

    CallLine line() {
        return new CallLine(caller, callee, addressFrom, addressTo, codec, nodeName, bridgeName);
    }

    boolean inMeeting() {
        return state == CallView.IN_MEETING && meetingNumber != null;
    }

    /** The meeting this call belongs to or was handed to, if any. */
    Long meeting() {
        if (meetingNumber != null) {
            return meetingNumber;
        }
        return lobby == null || lobby.admittedTo() == null ? null : lobby.admittedTo().meetingNumber();
    }

    /** The caller as it enters a meeting through {@code accessCode} with {@code role}. */
    Participant entering(String code, int grantedRole) {
        return new Participant(id, edgeCallId, created, line(), grantedRole, code, 0, 0, 0,
                customName == null ? "" : customName, 0, 0, connectionStatus, 0);
    }

    CallView view(long now) {
        if (!inMeeting()) {
            return CallView.waiting(id, created, line(), customName == null ? "" : customName, now);
        }
        Participant participant = new Participant(id, edgeCallId, created, line(), role == null ? 0 : role,
                accessCode, joined == null ? 0 : joined, muteMode, holdMode, customName, gainLevel, presenterMedia,
                connectionStatus, qaMode);
        return CallView.inMeeting(participant, meetingNumber, now);
    }
}
