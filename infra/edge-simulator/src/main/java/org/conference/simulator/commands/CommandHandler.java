package org.conference.simulator.commands;

import java.time.Clock;

import org.conference.common.events.TelephonyCommand;
import org.conference.simulator.calls.CallRegistry;
import org.conference.simulator.calls.CallRegistry.Transition;
import org.conference.simulator.calls.ReceivedCommand;
import org.conference.simulator.recordings.Recordings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Applies one command from the platform to its call (ARCHITECTURE.md §6). A command for a call the simulator does not
 * hold (never placed here, or forgotten) or that has ended is counted and ignored: with at-least-once delivery and a
 * platform that acts on its own view, such commands are normal. {@code hangup} ends the call without a
 * {@code call.hungup}: the platform ended it and knows.
 */
@Component
class CommandHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandHandler.class);

    private final CallRegistry calls;
    private final Recordings recordings;
    private final MeterRegistry meters;
    private final Clock clock;

    CommandHandler(CallRegistry calls, Recordings recordings, MeterRegistry meters, Clock clock) {
        this.calls = calls;
        this.recordings = recordings;
        this.meters = meters;
        this.clock = clock;
    }

    void handle(String key, TelephonyCommand command) {
        String callId = TelephonyCommand.targetCallId(key, command);
        ReceivedCommand received = ReceivedCommand.of(command, clock.millis());
        Transition transition = calls.receive(callId, received);
        String outcome = transition.isApplied() ? applyToMedia(callId, transition, received)
                : transition.outcome().name().toLowerCase().replace('_', '-');
        if (!transition.isApplied()) {
            log.debug("Ignored {} for call {}: {}", command.type(), callId, outcome);
        }
        Counter.builder("simulator.commands").description("Commands received from the platform")
                .tag("type", command.type()).tag("outcome", outcome).register(meters).increment();
    }

    /** What a command does beyond the call's own state: the recordings. */
    private String applyToMedia(String callId, Transition transition, ReceivedCommand command) {
        long at = command.receivedAt();
        switch (command.type()) {
            case TelephonyCommand.RECORD_START -> {
                if (!recordings.start(command.argument(), callId, transition.call().meetingNumber(), at)) {
                    return "recording-refused";
                }
            }
            case TelephonyCommand.RECORD_STOP -> {
                var stopping = recordings.stop(command.argument(), callId, at);
                if (stopping.isEmpty()) {
                    return "unknown-recording";
                }
                inBackground(stopping.get(), command);
            }
            case TelephonyCommand.HANGUP -> inBackground(recordings.stopCarriedBy(callId, at), command);
            default -> {
            }
        }
        return "applied";
    }

    /** The WAV is written and published off the consumer thread; a failure there is logged. */
    private static void inBackground(Mono<Void> work, ReceivedCommand command) {
        work.subscribe(null, failure -> log.warn("Could not finish the recording of {} {}: {}", command.type(),
                command.argument(), failure.toString()));
    }
}
