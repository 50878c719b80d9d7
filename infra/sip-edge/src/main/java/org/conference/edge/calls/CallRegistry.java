package org.conference.edge.calls;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.conference.edge.support.EdgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Scheduler;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every call the edge holds, by edge call id and by SIP Call-ID. A live call stays until it ends; an ended one stays
 * known for {@code conference.edge.ended-retention}, so that a late command or a retransmitted request is told
 * apart from one for a call the edge never had (another edge's, e.g. the simulator's beside it).
 */
@Component
public class CallRegistry {

    private static final Logger log = LoggerFactory.getLogger(CallRegistry.class);

    private final ConcurrentMap<String, EdgeCall> live = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, EdgeCall> liveBySipCallId = new ConcurrentHashMap<>();
    private final Cache<String, EdgeCall> ended;
    private final Cache<String, EdgeCall> endedBySipCallId;
    private final MeterRegistry meters;

    public CallRegistry(EdgeProperties properties, MeterRegistry meters) {
        this.meters = meters;
        this.ended = retained(properties);
        this.endedBySipCallId = retained(properties);
        Gauge.builder("edge.calls.active", live, ConcurrentMap::size)
                .description("Calls the edge holds: ringing or answered").register(meters);
    }

    private static Cache<String, EdgeCall> retained(EdgeProperties properties) {
        return Caffeine.newBuilder().expireAfterWrite(properties.endedRetention()).maximumSize(100_000)
                // Forget ended calls on time even when nobody looks at the registry.
                .scheduler(Scheduler.systemScheduler()).build();
    }

    public void admit(EdgeCall call) {
        live.put(call.id(), call);
        liveBySipCallId.put(call.sipCallId(), call);
    }

    /** A call ringing or answered now. */
    public Optional<EdgeCall> live(String id) {
        return Optional.ofNullable(live.get(id));
    }

    public Optional<EdgeCall> liveBySipCallId(String sipCallId) {
        return Optional.ofNullable(liveBySipCallId.get(sipCallId));
    }

    /** Whether the call ended here a short while ago. */
    public boolean endedRecently(String id) {
        return ended.getIfPresent(id) != null;
    }

    public boolean endedRecentlyBySipCallId(String sipCallId) {
        return endedBySipCallId.getIfPresent(sipCallId) != null;
    }

    /**
     * Ends the call and closes its audio; true for the one caller that ended it (who then tells whoever needs to
     * know), false when it had ended already.
     */
    public boolean end(EdgeCall call, EndReason reason) {
        if (!call.end()) {
            return false;
        }
        ended.put(call.id(), call);
        endedBySipCallId.put(call.sipCallId(), call);
        live.remove(call.id(), call);
        liveBySipCallId.remove(call.sipCallId(), call);
        try {
            call.audio().close();
        } catch (RuntimeException e) {
            log.warn("Could not close the audio of call {}: {}", call.id(), e.toString());
        }
        Counter.builder("edge.calls.ended").description("Calls that ended, by why")
                .tag("reason", reason.tag()).register(meters).increment();
        log.debug("Call {} ({}) ended: {}", call.id(), call.sipCallId(), reason.tag());
        return true;
    }
}
