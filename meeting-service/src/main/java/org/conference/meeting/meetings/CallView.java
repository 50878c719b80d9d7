package org.conference.meeting.meetings;

import org.conference.meeting.rules.CallLine;
import org.conference.meeting.rules.Participant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The reference's Call object. Fields that do not apply yet (a caller still keying in its code has no
 * {@code meetingNumber}, {@code accessCode}, {@code role} or {@code joined}) are left out, as the reference's samples
 * leave out unset fields. {@code duration} is the seconds since the call was created, computed when read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallView(
        String accessCode,
        String addressFrom,
        String addressTo,
        String bridgeName,
        String callee,
        String caller,
        String codec,
        int connectionStatus,
        long created,
        String customName,
        long duration,
        int gainLevel,
        int holdMode,
        long id,
        Long joined,
        Long meetingNumber,
        int muteMode,
        String nodeName,
        int presenterMedia,
        int qaMode,
        Integer role,
        int state) {

    /** Call {@code state}: 1 owned by the frontend (keying in its code), 2 owned by the backend (in a meeting). */
    public static final int WAITING = 1;
    public static final int IN_MEETING = 2;

    /**
     * A call the meeting holds: in its mix, or waiting on hold for it to start ({@code state} 2 all the same, the
     * backend owns it; {@code joined} left out until it joins).
     */
    public static CallView inMeeting(Participant call, long meetingNumber, long now) {
        CallLine line = call.line();
        return new CallView(call.accessCode(), line.addressFrom(), line.addressTo(), line.bridgeName(),
                line.callee(), line.caller(), line.codec(), call.connectionStatus(), call.created(),
                call.customName(), seconds(call.created(), now), call.gainLevel(), call.holdMode(), call.callId(),
                call.hasJoined() ? call.joined() : null, meetingNumber, call.muteMode(), line.nodeName(),
                call.presenterMedia(), call.qaMode(), call.role(), IN_MEETING);
    }

    public static CallView waiting(long callId, long created, CallLine line, String customName, long now) {
        return new CallView(null, line.addressFrom(), line.addressTo(), line.bridgeName(), line.callee(),
                line.caller(), line.codec(), 0, created, customName, seconds(created, now), 0, 0, callId, null, null,
                0, line.nodeName(), 0, 0, null, WAITING);
    }

    static long seconds(long from, long now) {
        return Math.max(0, (now - from) / 1000);
    }
}
