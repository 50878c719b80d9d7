package org.conference.callback.deliveries;

import java.util.List;

/**
 * One event on its way to one endpoint: stored before the event's offset is committed, claimed by one instance at a
 * time, kept after it ends for the operations API and for replay.
 *
 * @param id              {@code <event id>.<endpoint id>}: a redelivered event finds its delivery already there
 * @param lane            {@code <endpoint id>:<meeting number>} for meeting events, which leave in {@code sequence}
 *                        order within their lane; null for events that need no order (media events)
 * @param body            the exact bytes signed and sent, the same on every attempt
 * @param retries         failures since the delivery was created or last replayed: the step of the retry schedule
 * @param nextAttemptAt   not sent before this (epoch ms)
 * @param leaseUntil      claimed by {@code claimedBy} until this; a crashed instance's claim runs out
 * @param heldBack        waiting behind an earlier delivery of its lane rather than for a retry
 * @param subscriberSid   whose callback this is: it and the administrators above it see the delivery
 */
public record Delivery(
        String id,
        String eventId,
        String eventType,
        long occurredAt,
        Long meetingNumber,
        Long sequence,
        String lane,
        String endpointId,
        String url,
        String subscriberSid,
        List<String> ownerLineage,
        String body,
        String status,
        int attempts,
        int retries,
        long nextAttemptAt,
        long leaseUntil,
        String claimedBy,
        boolean heldBack,
        Integer lastResponseStatus,
        String lastResponseBody,
        String lastError,
        Long lastAttemptAt,
        long created,
        Long finishedAt,
        String deliveredBy) {

    public static final String COLLECTION = "deliveries";

    public static final String PENDING = "pending";
    public static final String RETRYING = "retrying";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    /** Never sent: the target address is one the SSRF guard refuses; {@code lastError} says why. */
    public static final String REFUSED = "refused";

    public static final List<String> OPEN = List.of(PENDING, RETRYING);

    public boolean open() {
        return OPEN.contains(status);
    }
}
