package org.conference.meeting.meetings;

import org.conference.meeting.rules.Conference;
import org.conference.meeting.timers.Timers;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * A meeting's deadlines live in its document ({@link Conference#deadlines()}); this keeps ONE durable timer per
 * meeting number at the earliest of them, so that some instance wakes the meeting up on time even if the one that
 * wrote the deadline died. The relay mirrors it after each write and records what it mirrored
 * ({@link MeetingDocument#deadlineMirrored()}), so a write that leaves the deadline as it was costs no timer write.
 */
@Component
class MeetingDeadlines {

    /** The timer kind; its key is the meeting number. */
    static final String TIMER = "meeting";
    /** What {@link MeetingDocument#deadlineMirrored()} holds when the meeting has no timer. */
    static final long NONE = 0;

    private final Timers timers;

    MeetingDeadlines(Timers timers) {
        this.timers = timers;
    }

    /** When the timer of this document's meeting must fire, or {@link #NONE} (no deadline, or no live meeting). */
    static long wanted(MeetingDocument document) {
        Conference meeting = document.conference();
        return document.live() && meeting != null ? meeting.nextDeadline().orElse(NONE) : NONE;
    }

    /** Brings the meeting's timer from {@code mirrored} (what the relay last recorded) to {@code wanted}. */
    Mono<Void> mirror(long meetingNumber, long mirrored, long wanted) {
        if (mirrored == wanted) {
            return Mono.empty();
        }
        return wanted == NONE ? timers.cancel(TIMER, Long.toString(meetingNumber))
                : arm(meetingNumber, wanted);
    }

    /** Sets the meeting's timer to {@code at}; setting it again to the instant it has changes nothing. */
    Mono<Void> arm(long meetingNumber, long at) {
        return timers.armAt(TIMER, Long.toString(meetingNumber), at);
    }
}
