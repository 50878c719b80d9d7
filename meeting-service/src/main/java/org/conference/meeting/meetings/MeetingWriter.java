package org.conference.meeting.meetings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.conference.common.events.MeetingEvent;
import org.conference.common.persistence.ConcurrentWriteException;
import org.conference.common.persistence.OptimisticWrites;
import org.conference.meeting.meetings.MeetingDocument.PendingCommand;
import org.conference.meeting.meetings.MeetingDocument.PendingProjection;
import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.MeetingInput;
import org.conference.meeting.rules.MeetingRules;
import org.conference.meeting.rules.Outcome;
import org.conference.meeting.rules.Outcome.Happening;
import org.conference.meeting.rules.Outcome.Instruction;
import org.conference.meeting.rules.Outcome.Projection;
import org.conference.meeting.support.Counters;
import org.conference.meeting.support.EdgeCommands;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The only writer of meeting documents: reads the document, lets {@link MeetingRules} decide, and writes the next
 * meeting together with everything it must still publish, in one single-document write at the version it read.
 * Losing that race to another instance (or an API request) means reading again and deciding again.
 */
@Component
class MeetingWriter {

    private static final int CONFLICT_RETRIES = 20;

    private final MeetingStore store;
    private final MeetingRules rules;
    private final MeetingEvents events;
    private final EdgeCommands commands;
    private final Counters counters;
    private final Clock clock;

    MeetingWriter(MeetingStore store, MeetingRules rules, MeetingEvents events, EdgeCommands commands,
            Counters counters, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.events = events;
        this.commands = commands;
        this.counters = counters;
        this.clock = clock;
    }

    /** What one write decided, with the document as written (absent when nothing changed). */
    record Written(Outcome outcome, MeetingDocument document) {
    }

    Mono<Written> apply(long meetingNumber, List<MeetingInput> inputs) {
        return Mono.defer(() -> attempt(meetingNumber, inputs))
                .retryWhen(OptimisticWrites.retries(CONFLICT_RETRIES, ConcurrentWriteException.class::isInstance));
    }

    private Mono<Written> attempt(long meetingNumber, List<MeetingInput> inputs) {
        return store.find(meetingNumber).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(read -> {
                    MeetingDocument before = read.orElse(null);
                    Conference current = before != null && before.live() ? before.conference() : null;
                    long now = clock.millis();
                    return decide(current, inputs, now).flatMap(outcome -> {
                        if (outcome.happenings().isEmpty() && outcome.instructions().isEmpty()
                                && outcome.projections().isEmpty() && outcome.refusals().isEmpty()
                                && outcome.conference() == current) {
                            return Mono.just(new Written(outcome, null));
                        }
                        MeetingDocument next = next(meetingNumber, before, outcome, now);
                        return store.write(before == null ? 0 : before.version(), next)
                                .flatMap(won -> won ? Mono.just(new Written(outcome, next))
                                        : Mono.error(new ConcurrentWriteException(MeetingDocument.COLLECTION,
                                                meetingNumber)));
                    });
                });
    }

    private Mono<Outcome> decide(Conference current, List<MeetingInput> inputs, long now) {
        Outcome.Builder effects = rules.begin(current);
        return Flux.fromIterable(inputs)
                .concatMap(input -> rules.startsMeeting(effects.conference(), input)
                        ? counters.next("meetings").doOnNext(id -> rules.apply(effects, input, now, id))
                        : Mono.fromRunnable(() -> rules.apply(effects, input, now, 0)))
                .then(Mono.fromSupplier(effects::build));
    }

    private MeetingDocument next(long meetingNumber, MeetingDocument before, Outcome outcome, long now) {
        long version = before == null ? 1 : before.version() + 1;
        Conference meeting = outcome.conference();
        String ownerSid = meeting != null ? meeting.ownerSid() : before == null ? null : before.ownerSid();
        List<String> lineage = meeting != null ? meeting.ownerLineage()
                : before == null ? List.of() : before.ownerLineage();

        List<MeetingEvent> pendingEvents = new ArrayList<>(before == null ? List.of() : before.unpublishedEvents());
        long sequence = before == null ? 0 : before.sequence();
        for (Happening happening : outcome.happenings()) {
            String subscriber = happening.meeting() != null ? happening.meeting().ownerSid() : ownerSid;
            pendingEvents.add(events.render(happening, ++sequence, meetingNumber, subscriber, now));
        }
        List<PendingCommand> pendingCommands = new ArrayList<>(before == null ? List.of() : before.unsentCommands());
        long commandNumber = before == null ? 0 : before.commandSequence();
        for (Instruction instruction : outcome.instructions()) {
            pendingCommands.add(new PendingCommand(++commandNumber,
                    commands.command(instruction.edgeCallId(), instruction.type(), instruction.argument())));
        }
        List<PendingProjection> pendingProjections = new ArrayList<>(
                before == null ? List.of() : before.unappliedProjections());
        for (Projection projection : outcome.projections()) {
            pendingProjections.add(new PendingProjection(version, projection.callId(), meetingNumber, ownerSid,
                    lineage, projection.participant()));
        }
        return new MeetingDocument(meetingNumber, meeting != null, meeting, ownerSid, lineage,
                meeting == null ? 0 : meeting.participants().size(), sequence,
                before == null ? 0 : before.publishedThrough(), pendingEvents, commandNumber,
                before == null ? 0 : before.commandsPublishedThrough(), pendingCommands,
                before == null ? 0 : before.projectedThrough(), pendingProjections,
                before == null ? MeetingDeadlines.NONE : before.deadlineMirrored(), true, version);
    }
}
