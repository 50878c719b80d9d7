package org.conference.simulator.calls;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.conference.simulator.support.SimulatorProperties;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Scheduler;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every call the simulator holds, in memory. A live call stays until it ends; an ended one stays readable for
 * {@code conference.simulator.ended-retention} and is then forgotten. Each change of a call is one atomic swap of its
 * immutable value, so an HTTP request and a command racing on the same call never lose an update.
 */
@Component
public class CallRegistry {

    private final Cache<String, SimulatedCall> calls;
    private final int maxCalls;

    public CallRegistry(SimulatorProperties properties, MeterRegistry meters) {
        this.maxCalls = properties.maxCalls();
        this.calls = Caffeine.newBuilder()
                .expireAfter(new EndedCallsExpire(properties.endedRetention()))
                // Forget ended calls on time even when nobody looks at the registry.
                .scheduler(Scheduler.systemScheduler())
                .build();
        for (CallState state : CallState.values()) {
            Gauge.builder("simulator.calls", this, registry -> registry.count(state))
                    .description("Calls the simulator holds").tag("state", state.wireName()).register(meters);
        }
    }

    public Optional<SimulatedCall> find(String id) {
        return Optional.ofNullable(calls.getIfPresent(id));
    }

    /** Oldest first. */
    public List<SimulatedCall> all() {
        return calls.asMap().values().stream().sorted(Comparator.comparingLong(SimulatedCall::createdAt)).toList();
    }

    /** Holds a new call, unless the simulator already holds {@code max-calls}. */
    boolean admit(SimulatedCall call) {
        if (calls.estimatedSize() >= maxCalls) {
            return false;
        }
        calls.put(call.id(), call);
        return true;
    }

    void forget(String id) {
        calls.invalidate(id);
    }

    /** A ringing call is answered; a call a command has already moved on is left as it is. */
    Optional<SimulatedCall> answer(String id) {
        return Optional.ofNullable(calls.asMap().computeIfPresent(id, (key, call) -> call.answered()));
    }

    /** The caller hangs up. */
    public Transition hangUp(String id, long at) {
        return change(id, call -> Transition.applied(call.endedBy(EndedBy.CALLER, at)));
    }

    /**
     * Applies a command from the platform. A command already received (the same id, redelivered by Kafka) is not
     * applied twice.
     */
    public Transition receive(String id, ReceivedCommand command) {
        return change(id, call -> call.hasReceived(command.id()) ? Transition.of(Outcome.DUPLICATE, call)
                : Transition.applied(call.receive(command)));
    }

    private Transition change(String id, Function<SimulatedCall, Transition> change) {
        AtomicReference<Transition> result = new AtomicReference<>(Transition.of(Outcome.UNKNOWN_CALL, null));
        calls.asMap().computeIfPresent(id, (key, call) -> {
            Transition transition = call.ended() ? Transition.of(Outcome.ENDED_CALL, call) : change.apply(call);
            result.set(transition);
            return transition.call();
        });
        return result.get();
    }

    private long count(CallState state) {
        return calls.asMap().values().stream().filter(call -> call.state() == state).count();
    }

    /** What became of a change: applied (with the call after it) or why not. */
    public enum Outcome {
        APPLIED, UNKNOWN_CALL, ENDED_CALL, DUPLICATE
    }

    /** @param call the call after the change, or as it was when the change did not apply; null for an unknown call */
    public record Transition(Outcome outcome, SimulatedCall call) {

        static Transition applied(SimulatedCall call) {
            return new Transition(Outcome.APPLIED, call);
        }

        static Transition of(Outcome outcome, SimulatedCall call) {
            return new Transition(outcome, call);
        }

        public boolean isApplied() {
            return outcome == Outcome.APPLIED;
        }
    }

    /** Live calls never expire; an ended call expires {@code retention} after it ended. */
    private record EndedCallsExpire(Duration retention) implements Expiry<String, SimulatedCall> {

        @Override
        public long expireAfterCreate(String id, SimulatedCall call, long currentTime) {
            return call.ended() ? retention.toNanos() : Long.MAX_VALUE;
        }

        @Override
        public long expireAfterUpdate(String id, SimulatedCall call, long currentTime, long currentDuration) {
            // A refused change writes the ended call back unchanged: its retention runs on from when it ended. A
            // live call's remaining time is effectively infinite, so a longer one means the call has just ended.
            return call.ended() && currentDuration > retention.toNanos() ? retention.toNanos() : currentDuration;
        }

        @Override
        public long expireAfterRead(String id, SimulatedCall call, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
