package org.conference.edge.sip;

import java.time.Clock;
import java.util.UUID;

import org.conference.common.events.TelephonyEvent;
import org.conference.edge.calls.CallRegistry;
import org.conference.edge.calls.EdgeCall;
import org.conference.edge.calls.EndReason;
import org.conference.edge.recordings.Recordings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A call ended on the phone's side (BYE, CANCEL, no RTP any more, its dialog gone): the platform hears
 * {@code call.hungup}, after the call's earlier events, and the recordings the call carried stop, as the simulator
 * stops them when its caller hangs up.
 */
@Component
class Hangups {

    private static final Logger log = LoggerFactory.getLogger(Hangups.class);

    private final CallRegistry calls;
    private final Recordings recordings;
    private final Clock clock;

    Hangups(CallRegistry calls, Recordings recordings, Clock clock) {
        this.calls = calls;
        this.recordings = recordings;
        this.clock = clock;
    }

    /** True when this ended the call (false: it had ended already, and the platform was told or told it). */
    boolean endedByPhone(EdgeCall call, EndReason reason) {
        if (!calls.end(call, reason)) {
            return false;
        }
        if (call.line() instanceof SipSession session) {
            session.publish(TelephonyEvent.hungUp(UUID.randomUUID().toString(), call.id(), clock.millis()));
        }
        recordings.stopCarriedBy(call.id()).subscribe(null, failure -> log.warn(
                "Could not finish the recordings call {} carried: {}", call.id(), failure.toString()));
        return true;
    }
}
