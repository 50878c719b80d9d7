package org.conference.media.outbox;

import java.util.List;

import org.conference.common.events.MediaEvent;

/**
 * The events a document still owes Kafka, kept inside the document they describe, so a change and the duty to
 * announce it are one atomic single-document write (no multi-document transactions on the Mongo fallback). The relay
 * removes each event once Kafka has it, and clears {@code pending} when none is left.
 */
public record Outbox(boolean pending, List<MediaEvent> events) {

    public static final String PENDING = "outbox.pending";
    public static final String EVENTS = "outbox.events";
    public static final Outbox EMPTY = new Outbox(false, List.of());

    public Outbox {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static Outbox of(MediaEvent event) {
        return new Outbox(true, List.of(event));
    }
}
