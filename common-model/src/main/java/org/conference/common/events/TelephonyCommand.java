package org.conference.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An instruction to the edge about one call, on {@link Topics#TELEPHONY_COMMANDS} keyed by the edge call id.
 * {@code argument} carries the meeting number of {@code join}/{@code leave}, the prompt of {@code play} (e.g.
 * {@code entry-tone}, {@code count:7}) or the recording name of {@code record.start}/{@code record.stop}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TelephonyCommand(String id, String type, String callId, long issuedAt, String argument) {

    public static final String JOIN = "join";
    public static final String LEAVE = "leave";
    public static final String HANGUP = "hangup";
    public static final String MUTE = "mute";
    public static final String UNMUTE = "unmute";
    public static final String HOLD = "hold";
    public static final String UNHOLD = "unhold";
    public static final String PLAY = "play";
    public static final String RECORD_START = "record.start";
    public static final String RECORD_STOP = "record.stop";
}
