package org.conference.meeting.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.conference.testsupport.BackingServices;
import org.conference.testsupport.BackingServicesInitializer;
import org.conference.testsupport.processes.ServiceProcess;

/** meeting-service as its own OS process over the test backends, for the tests that kill an instance. */
final class MeetingInstances {

    private MeetingInstances() {
    }

    /** Starts instance {@code name} on {@code database}; {@code extraArguments} come after the shared ones. */
    static ServiceProcess start(String name, String database, Path logs, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                // a killed instance leaves the consumer groups within seconds, not after the 45 s default, so the
                // test classes after this one find every partition served
                "--spring.kafka.consumer.properties[session.timeout.ms]=8000",
                "--spring.kafka.consumer.properties[heartbeat.interval.ms]=1000",
                "--conference.meetings.relay-lease=PT5S",
                "--conference.meetings.relay-sweep-interval=PT0.2S",
                "--conference.timers.claim-for=PT5S"));
        arguments.addAll(List.of(extraArguments));
        return ServiceProcess.start(name, "org.conference.meeting.MeetingApplication", Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", BackingServices.kafka().bootstrapServers(),
                        "MONGODB_URI", BackingServices.mongo().uri(database),
                        "MONGODB_DATABASE", database,
                        "CONFERENCE_INTERNAL_JWT_SECRET", BackingServicesInitializer.TEST_JWT_SECRET),
                arguments, logs);
    }
}
