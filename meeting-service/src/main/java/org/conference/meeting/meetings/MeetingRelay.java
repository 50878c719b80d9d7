package org.conference.meeting.meetings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.conference.common.events.Topics;
import org.conference.meeting.meetings.MeetingDocument.PendingCommand;
import org.conference.meeting.meetings.MeetingDocument.PendingProjection;
import org.conference.meeting.meetings.MeetingStore.RelayMarks;
import org.conference.meeting.meetings.RosterProjection.Change;
import org.conference.meeting.support.KafkaPublishing;
import org.conference.meeting.support.KafkaPublishing.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes what meeting documents still owe: events (in {@code sequence} order, keyed by meeting number), edge
 * commands, and Call updates, and mirrors the meeting's next deadline into its durable timer
 * ({@link MeetingDeadlines}). Right after each write, and on a timer for whatever a crash or a lost lease left
 * pending, on any instance: a document stays pending until all of it is done. At-least-once: a crash between
 * publishing and recording it republishes the same events with the same ids and sequences, which consumers
 * recognise, and mirrors the same deadline again, which changes nothing.
 */
@Component
class MeetingRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MeetingRelay.class);

    private final MeetingStore store;
    private final MeetingLeases leases;
    private final KafkaPublishing kafka;
    private final RosterProjection roster;
    private final MeetingDeadlines deadlines;
    private final Duration sweepInterval;
    private volatile Disposable sweeper;

    MeetingRelay(MeetingStore store, MeetingLeases leases, KafkaPublishing kafka, RosterProjection roster,
            MeetingDeadlines deadlines,
            @Value("${conference.meetings.relay-sweep-interval:PT0.5S}") Duration sweepInterval) {
        this.store = store;
        this.leases = leases;
        this.kafka = kafka;
        this.roster = roster;
        this.deadlines = deadlines;
        this.sweepInterval = sweepInterval;
    }

    /** Publishes what the meeting owes if this instance can take its lease; otherwise its holder or the sweep will. */
    Mono<Void> flush(long meetingNumber) {
        return leases.claim(meetingNumber).flatMap(held -> !held ? Mono.<Void>empty()
                : drain(meetingNumber)
                        .then(Mono.defer(() -> leases.release(meetingNumber)))
                        .onErrorResume(failure -> leases.release(meetingNumber).then(Mono.error(failure))));
    }

    /** Relays until the document stops changing under us, so writes that lost the lease are not left waiting. */
    private Mono<Void> drain(long meetingNumber) {
        return store.find(meetingNumber).flatMap(document -> relay(document)
                .flatMap(marks -> store.relayed(meetingNumber, document.version(), marks))
                .flatMap(settled -> settled ? Mono.<Void>empty() : drain(meetingNumber)));
    }

    /** Publishes what {@code document} owes; how far that got. */
    private Mono<RelayMarks> relay(MeetingDocument document) {
        var events = document.unpublishedEvents();
        List<PendingCommand> commands = document.unsentCommands();
        List<PendingProjection> projections = document.unappliedProjections();
        long deadline = MeetingDeadlines.wanted(document);
        boolean deadlineMoved = deadline != document.deadlineMirrored();
        if (events.isEmpty() && commands.isEmpty() && projections.isEmpty() && !deadlineMoved) {
            return Mono.just(RelayMarks.nothing(deadline));
        }
        String key = Long.toString(document.meetingNumber());
        Mono<Void> publishEvents = kafka.sendInOrder(Topics.MEETING_EVENTS,
                events.stream().map(event -> new Outgoing(key, event)).toList());
        Mono<Void> sendCommands = kafka.sendInOrder(Topics.TELEPHONY_COMMANDS,
                commands.stream().map(pending -> new Outgoing(pending.command().callId(), pending.command())).toList());
        // only each call's latest state matters (older ones would be refused by their version anyway), and calls
        // are independent of each other
        Map<Long, PendingProjection> latest = new LinkedHashMap<>();
        projections.forEach(projection -> latest.put(projection.callId(), projection));
        Mono<Void> project = roster.apply(latest.values().stream().map(MeetingRelay::change).toList());
        long eventsThrough = events.isEmpty() ? 0 : events.get(events.size() - 1).sequence();
        long commandsThrough = commands.isEmpty() ? 0 : commands.get(commands.size() - 1).number();
        long projectedThrough = projections.isEmpty() ? 0 : projections.get(projections.size() - 1).version();
        Mono<Void> mirror = deadlines.mirror(document.meetingNumber(), document.deadlineMirrored(), deadline);
        return Mono.when(publishEvents, sendCommands, project, mirror)
                .thenReturn(new RelayMarks(eventsThrough, commandsThrough, projectedThrough, deadline, deadlineMoved));
    }

    private static Change change(PendingProjection projection) {
        return new Change(projection.version(), projection.callId(), projection.meetingNumber(),
                projection.ownerSid(), projection.ownerLineage(), projection.participant());
    }

    @Override
    public void start() {
        sweeper = Flux.interval(sweepInterval)
                .onBackpressureDrop()
                .concatMap(tick -> Flux.defer(() -> store.pendingMeetingNumbers(100))
                        .flatMap(meetingNumber -> flush(meetingNumber).onErrorResume(failure -> {
                            log.warn("Relay of meeting {} failed, retrying next round: {}", meetingNumber,
                                    failure.toString());
                            return Mono.empty();
                        }), 4)
                        .onErrorResume(failure -> Mono.empty()), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = sweeper;
        if (running != null) {
            running.dispose();
        }
        sweeper = null;
    }

    @Override
    public boolean isRunning() {
        return sweeper != null;
    }
}
