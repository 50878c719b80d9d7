package org.conference.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the edge (or its simulator) reports about a phone call, on {@link Topics#TELEPHONY_EVENTS} keyed by the edge
 * call id (ARCHITECTURE.md §6). Only the fields of the event's type are set: {@code from}/{@code to} and, where the
 * edge knows them, {@code addressFrom}, {@code addressTo}, {@code codec}, {@code nodeName}, {@code bridgeName} for
 * {@code call.offered}; {@code digits} for {@code call.dtmf} (one digit from a real edge, a whole string from the
 * simulator); {@code recordingName}/{@code recordingLocation} for {@code recording.completed}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TelephonyEvent(
        String id,
        String type,
        String callId,
        long occurredAt,
        String from,
        String to,
        String addressFrom,
        String addressTo,
        String codec,
        String nodeName,
        String bridgeName,
        String digits,
        String recordingName,
        String recordingLocation) {

    public static final String CALL_OFFERED = "call.offered";
    public static final String CALL_DTMF = "call.dtmf";
    public static final String CALL_HUNGUP = "call.hungup";
    public static final String RECORDING_COMPLETED = "recording.completed";

    /** The phone side of an offered call as the edge sees it; any field but {@code from}/{@code to} may be null. */
    public record Offer(String from, String to, String addressFrom, String addressTo, String codec, String nodeName,
            String bridgeName) {
    }

    public static TelephonyEvent offered(String id, String callId, long occurredAt, Offer offer) {
        return new TelephonyEvent(id, CALL_OFFERED, callId, occurredAt, offer.from(), offer.to(), offer.addressFrom(),
                offer.addressTo(), offer.codec(), offer.nodeName(), offer.bridgeName(), null, null, null);
    }

    public static TelephonyEvent dtmf(String id, String callId, long occurredAt, String digits) {
        return new TelephonyEvent(id, CALL_DTMF, callId, occurredAt, null, null, null, null, null, null, null, digits,
                null, null);
    }

    public static TelephonyEvent hungUp(String id, String callId, long occurredAt) {
        return new TelephonyEvent(id, CALL_HUNGUP, callId, occurredAt, null, null, null, null, null, null, null, null,
                null, null);
    }

    public static TelephonyEvent recordingCompleted(String id, String callId, long occurredAt, String recordingName,
            String recordingLocation) {
        return new TelephonyEvent(id, RECORDING_COMPLETED, callId, occurredAt, null, null, null, null, null, null,
                null, null, recordingName, recordingLocation);
    }

    /** The offer's phone-side fields, for {@code call.offered}. */
    public Offer offer() {
        return new Offer(from, to, addressFrom, addressTo, codec, nodeName, bridgeName);
    }
}
