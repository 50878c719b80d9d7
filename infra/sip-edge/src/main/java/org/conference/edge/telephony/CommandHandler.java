package org.conference.edge.telephony;

import java.time.Duration;
import java.util.Optional;

import org.conference.common.events.InvalidTelephonyCommandException;
import org.conference.common.events.TelephonyCommand;
import org.conference.edge.calls.CallRegistry;
import org.conference.edge.calls.EdgeCall;
import org.conference.edge.calls.EndReason;
import org.conference.edge.media.CallAudio;
import org.conference.edge.recordings.Recordings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Applies one command from the platform to the call's audio (ARCHITECTURE.md §6), as the simulator applies it to its
 * calls. A command for a call this edge does not hold (another edge's, or forgotten) or that has ended is counted and
 * ignored. {@code hangup} sends the phone a {@code BYE} without a {@code call.hungup}: the platform ended it and
 * knows. A command redelivered by Kafka (same id) is applied once.
 */
@Component
class CommandHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandHandler.class);

    private final CallRegistry calls;
    private final Recordings recordings;
    private final MeterRegistry meters;
    private final Cache<String, Boolean> applied = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(200_000).build();

    CommandHandler(CallRegistry calls, Recordings recordings, MeterRegistry meters) {
        this.calls = calls;
        this.recordings = recordings;
        this.meters = meters;
    }

    void handle(String key, TelephonyCommand command) {
        String callId = TelephonyCommand.targetCallId(key, command);
        Optional<EdgeCall> call = calls.live(callId);
        String outcome;
        if (call.isEmpty()) {
            outcome = calls.endedRecently(callId) ? "ended-call" : "unknown-call";
        } else if (command.id() != null && applied.asMap().putIfAbsent(command.id(), Boolean.TRUE) != null) {
            outcome = "duplicate";
        } else {
            outcome = apply(call.get(), command);
        }
        if (!"applied".equals(outcome)) {
            log.debug("Ignored {} for call {}: {}", command.type(), callId, outcome);
        }
        Counter.builder("edge.commands").description("Commands received from the platform")
                .tag("type", command.type()).tag("outcome", outcome).register(meters).increment();
    }

    private String apply(EdgeCall call, TelephonyCommand command) {
        CallAudio audio = call.audio();
        String argument = command.argument();
        switch (command.type()) {
            case TelephonyCommand.JOIN -> {
                long meeting = Long.parseLong(argument);
                call.joined(meeting);
                audio.join(meeting);
            }
            case TelephonyCommand.LEAVE -> {
                call.joined(null);
                audio.leave();
            }
            case TelephonyCommand.MUTE -> audio.mute(true);
            case TelephonyCommand.UNMUTE -> audio.mute(false);
            case TelephonyCommand.HOLD -> audio.hold(true);
            case TelephonyCommand.UNHOLD -> audio.hold(false);
            case TelephonyCommand.PLAY -> audio.play(argument);
            case TelephonyCommand.HANGUP -> {
                if (calls.end(call, EndReason.PLATFORM_HUNG_UP)) {
                    call.line().hangUp();
                    inBackground(recordings.stopCarriedBy(call.id()), command);
                }
            }
            case TelephonyCommand.RECORD_START, TelephonyCommand.RECORD_STOP -> {
                return record(call, command);
            }
            default -> throw new InvalidTelephonyCommandException("unknown command type " + command.type());
        }
        return "applied";
    }

    private String record(EdgeCall call, TelephonyCommand command) {
        if (TelephonyCommand.RECORD_START.equals(command.type())) {
            Long meeting = call.meetingNumber();
            if (meeting == null) {
                return "not-in-meeting";
            }
            return recordings.start(command.argument(), call.id(), meeting) ? "applied" : "recording-refused";
        }
        Optional<Mono<Void>> stopping = recordings.stop(command.argument(), call.id());
        if (stopping.isEmpty()) {
            return "unknown-recording";
        }
        inBackground(stopping.get(), command);
        return "applied";
    }

    /** The WAV is finished and published off the consumer thread; a failure there is logged. */
    private static void inBackground(Mono<Void> work, TelephonyCommand command) {
        work.subscribe(null, failure -> log.warn("Could not finish the recording of {} {}: {}", command.type(),
                command.argument(), failure.toString()));
    }
}
