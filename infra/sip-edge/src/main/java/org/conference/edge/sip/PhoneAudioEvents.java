package org.conference.edge.sip;

import java.time.Clock;
import java.util.UUID;

import org.conference.common.events.TelephonyEvent;
import org.conference.edge.calls.CallRegistry;
import org.conference.edge.calls.EndReason;
import org.conference.edge.media.AudioEvents;

import reactor.core.scheduler.Schedulers;

/**
 * What one call's audio reports, turned into the platform's events. Called on media threads, so it only hands off:
 * a digit is linked onto the call's event lane; an RTP timeout is handled in the background. A call that vanished
 * without a BYE is reported as {@code call.hungup}, the same as a caller who hung up: the caller is gone, and the
 * platform did not end it.
 */
final class PhoneAudioEvents implements AudioEvents {

    private final String callId;
    private final CallRegistry calls;
    private final Hangups hangups;
    private final Clock clock;

    PhoneAudioEvents(String callId, CallRegistry calls, Hangups hangups, Clock clock) {
        this.callId = callId;
        this.calls = calls;
        this.hangups = hangups;
        this.clock = clock;
    }

    @Override
    public void dtmf(char digit) {
        calls.live(callId).ifPresent(call -> {
            if (call.line() instanceof SipSession session) {
                session.publish(TelephonyEvent.dtmf(UUID.randomUUID().toString(), callId, clock.millis(),
                        String.valueOf(digit)));
            }
        });
    }

    @Override
    public void rtpTimedOut() {
        Schedulers.boundedElastic().schedule(() -> calls.live(callId).ifPresent(call -> {
            if (hangups.endedByPhone(call, EndReason.RTP_TIMEOUT)) {
                // The phone may still be there with its RTP lost on the way: the BYE tells it the call is over.
                call.line().hangUp();
            }
        }));
    }
}
