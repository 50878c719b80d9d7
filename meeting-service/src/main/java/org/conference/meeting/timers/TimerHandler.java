package org.conference.meeting.timers;

import reactor.core.publisher.Mono;

/** What happens when a timer of {@link #kind()} is due; must be idempotent (a timer fires at least once). */
public interface TimerHandler {

    String kind();

    Mono<Void> fire(String key);
}
