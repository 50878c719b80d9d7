package org.conference.meeting.meetings;

import org.conference.meeting.timers.TimerHandler;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** A meeting's timer fired (on whichever instance claimed it): the meeting applies the deadlines due now. */
@Component
class MeetingTicks implements TimerHandler {

    private final MeetingService meetings;

    MeetingTicks(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Override
    public String kind() {
        return MeetingDeadlines.TIMER;
    }

    @Override
    public Mono<Void> fire(String meetingNumber) {
        return meetings.tick(Long.parseLong(meetingNumber));
    }
}
