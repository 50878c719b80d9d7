package org.conference.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the edge (or its simulator) reports about a phone call, on {@link Topics#TELEPHONY_EVENTS} keyed by the edge
 * call id. Only the fields of the event's type are set: {@code from}/{@code to} for {@code call.offered},
 * {@code digits} for {@code call.dtmf}, {@code recordingName}/{@code recordingLocation} for
 * {@code recording.completed}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TelephonyEvent(
        String id,
        String type,
        String callId,
        long occurredAt,
        String from,
        String to,
        String digits,
        String recordingName,
        String recordingLocation) {

    public static final String CALL_OFFERED = "call.offered";
    public static final String CALL_DTMF = "call.dtmf";
    public static final String CALL_HUNGUP = "call.hungup";
    public static final String RECORDING_COMPLETED = "recording.completed";
}
