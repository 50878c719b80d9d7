package org.conference.edge.telephony;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.conference.common.events.TelephonyCommand;
import org.conference.common.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@link Topics#TELEPHONY_COMMANDS} in the edge's own consumer group. A record that cannot be read, or a
 * command that makes no sense, fails here and goes to {@code conference.telephony.commands-dlt} through the shared
 * dead-letter handling (common-model's {@code ConferenceKafkaAutoConfiguration}), so the listener carries on.
 */
@Component
class CommandListener {

    static final String ID = "telephony-commands";

    private final CommandHandler handler;

    CommandListener(CommandHandler handler) {
        this.handler = handler;
    }

    // The group is spring.kafka.consumer.group-id (sip-edge), not the listener id.
    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.TELEPHONY_COMMANDS)
    void onCommand(ConsumerRecord<String, TelephonyCommand> record) {
        handler.handle(record.key(), record.value());
    }
}
