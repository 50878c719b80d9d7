package org.conference.callback.intake;

import org.conference.callback.targets.ReadModelCatchUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.stereotype.Component;

/** Starts the event listeners once the read model of callbacks has caught up (see {@link ReadModelCatchUp}). */
@Component
class IntakeStart {

    static final String MEETING_EVENTS = "callback-meeting-events";
    static final String MEDIA_EVENTS = "callback-media-events";
    private static final Logger LOG = LoggerFactory.getLogger(IntakeStart.class);

    private final ReadModelCatchUp catchUp;
    private final KafkaListenerEndpointRegistry listeners;

    IntakeStart(ReadModelCatchUp catchUp, KafkaListenerEndpointRegistry listeners) {
        this.catchUp = catchUp;
        this.listeners = listeners;
    }

    @EventListener(ApplicationReadyEvent.class)
    void whenCaughtUp() {
        catchUp.awaited().subscribe(null, failure -> LOG.error("the event listeners never started", failure), () -> {
            listeners.getListenerContainer(MEETING_EVENTS).start();
            listeners.getListenerContainer(MEDIA_EVENTS).start();
        });
    }
}
