package org.conference.meeting.meetings;

import java.util.List;

import org.conference.common.events.MeetingEvent;
import org.conference.common.events.TelephonyCommand;
import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.Participant;
import org.conference.meeting.support.Owned;
import org.springframework.data.annotation.Id;

/**
 * One document per meeting number: the live meeting (or none, between meetings) and, written atomically with every
 * change to it, what that change must still tell the world — events for {@code conference.meeting.events}, commands
 * for the edge, and Calls to update — each numbered, so the relay publishes them in order and records how far it got
 * ({@code *Through}), and the meeting's next deadline, which the relay mirrors into a durable timer and records in
 * {@code deadlineMirrored} ({@link MeetingDeadlines#NONE}: no timer). Only the relay writes those marks. The document
 * outlives its meetings so that {@code sequence} keeps growing per meeting number and never repeats.
 *
 * <p>{@code participantCount}, {@code ownerSid} and {@code ownerLineage} repeat what {@code conference} holds at the
 * top level, for list queries and visibility.
 */
record MeetingDocument(
        @Id long meetingNumber,
        boolean live,
        Conference conference,
        String ownerSid,
        List<String> ownerLineage,
        int participantCount,
        long sequence,
        long publishedThrough,
        List<MeetingEvent> events,
        long commandSequence,
        long commandsPublishedThrough,
        List<PendingCommand> commands,
        long projectedThrough,
        List<PendingProjection> projections,
        Long deadlineMirrored,
        boolean pending,
        long version) implements Owned {

    static final String COLLECTION = "meetings";

    MeetingDocument {
        ownerLineage = ownerLineage == null ? List.of() : List.copyOf(ownerLineage);
        events = events == null ? List.of() : List.copyOf(events);
        commands = commands == null ? List.of() : List.copyOf(commands);
        projections = projections == null ? List.of() : List.copyOf(projections);
        // documents written before deadlines existed have no mark, and no timer
        deadlineMirrored = deadlineMirrored == null ? MeetingDeadlines.NONE : deadlineMirrored;
    }

    /** The commands the edge has not been sent yet, numbered per meeting number. */
    record PendingCommand(long number, TelephonyCommand command) {
    }

    /**
     * A Call to bring up to date, as of meeting document {@code version}: joined as {@code participant} in meeting
     * {@code meetingNumber} owned by {@code ownerSid}, or gone when {@code participant} is null.
     */
    record PendingProjection(long version, long callId, long meetingNumber, String ownerSid,
            List<String> ownerLineage, Participant participant) {
    }

    List<MeetingEvent> unpublishedEvents() {
        return events.stream().filter(event -> event.sequence() > publishedThrough).toList();
    }

    List<PendingCommand> unsentCommands() {
        return commands.stream().filter(command -> command.number() > commandsPublishedThrough).toList();
    }

    List<PendingProjection> unappliedProjections() {
        return projections.stream().filter(projection -> projection.version() > projectedThrough).toList();
    }
}
