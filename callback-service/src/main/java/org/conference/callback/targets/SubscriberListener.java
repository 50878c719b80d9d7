package org.conference.callback.targets;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.conference.callback.support.ListenerWork;
import org.conference.common.events.CallbackState;
import org.conference.common.events.SubscriberState;
import org.conference.common.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the read model from the compacted subscribers topic, from the earliest offset, in one consumer group shared
 * by every instance: the read model lives in Mongo, so any instance may apply any partition.
 */
@Component
class SubscriberListener {

    private final TargetStore store;
    private final CallbackTargets targets;
    private final ListenerWork work;

    SubscriberListener(TargetStore store, CallbackTargets targets, ListenerWork work) {
        this.store = store;
        this.targets = targets;
        this.work = work;
    }

    @KafkaListener(topics = Topics.SUBSCRIBERS, groupId = "${conference.callbacks.consumer-group:callback-service}.targets",
            properties = "spring.json.value.default.type=org.conference.common.events.SubscriberState")
    void onSubscriber(ConsumerRecord<String, SubscriberState> record) {
        SubscriberState subscriber = record.value();
        if (subscriber == null) {
            work.await(store.delete(record.key()));
        } else {
            CallbackState callback = subscriber.callback();
            List<String> lineage = subscriber.lineage() == null ? List.of(subscriber.sid()) : subscriber.lineage();
            work.await(store.putIfNewer(new SubscriberCallback(subscriber.sid(), lineage,
                    callback == null ? null : callback.url(), callback == null ? null : callback.secret(),
                    subscriber.version())));
        }
        targets.forget(record.key());
    }
}
