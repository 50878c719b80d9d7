package org.conference.meeting.support;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.conference.common.events.TelephonyCommand;
import org.conference.common.events.Topics;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Instructions to the edge on {@code conference.telephony.commands}, keyed by the edge call id (ARCHITECTURE.md §6).
 * Sends go through {@link KafkaPublishing}, off every event loop.
 */
@Component
public class EdgeCommands {

    private final KafkaPublishing kafka;
    private final Clock clock;

    public EdgeCommands(KafkaPublishing kafka, Clock clock) {
        this.kafka = kafka;
        this.clock = clock;
    }

    /** A command with a fresh id, stamped now. */
    public TelephonyCommand command(String edgeCallId, String type, String argument) {
        return new TelephonyCommand(UUID.randomUUID().toString(), type, edgeCallId, clock.millis(), argument);
    }

    public Mono<Void> send(TelephonyCommand command) {
        return kafka.send(Topics.TELEPHONY_COMMANDS, command.callId(), command);
    }

    /** Sends in order and completes when the broker acknowledged every one. */
    public Mono<Void> sendAll(List<TelephonyCommand> commands) {
        return Flux.fromIterable(commands).concatMap(this::send).then();
    }

    public Mono<Void> send(String edgeCallId, String type, String argument) {
        return send(command(edgeCallId, type, argument));
    }

}
