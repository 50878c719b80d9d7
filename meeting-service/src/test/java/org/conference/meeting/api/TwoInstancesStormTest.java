package org.conference.meeting.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.conference.common.events.Topics;
import org.conference.meeting.MeetingApplication;
import org.conference.testsupport.BackingServices;
import org.conference.testsupport.BackingServicesInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two meeting-service instances in one consumer group over one database, and a join/leave storm of 200 callers in
 * four rooms: no caller lost or counted twice, one start and one end per meeting, gapless sequences — also when one
 * instance stops in the middle of the storm and the other carries on after the rebalance. The same holds in rooms a
 * host starts and stops and whose caps turn callers away ({@link ModeratedStormScenario}).
 */
class TwoInstancesStormTest {

    private static final int ROOMS = 4;
    private static final int CALLERS_PER_ROOM = 50;

    private final String database = "meeting_storm_" + UUID.randomUUID().toString().substring(0, 8);
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final InstanceMetrics metrics = new InstanceMetrics();
    private KafkaProbe kafka;

    @BeforeEach
    void start() {
        instances.add(instance());
        instances.add(instance());
        kafka = new KafkaProbe(BackingServices.kafka().bootstrapServers(), List.of(Topics.MEETING_EVENTS,
                Topics.TELEPHONY_COMMANDS));
    }

    @AfterEach
    void stop() throws InterruptedException {
        instances.forEach(ConfigurableApplicationContext::close);
        kafka.close();
    }

    private ConfigurableApplicationContext instance() {
        // as arguments: they outrank application.yml, as the environment does for a real instance
        Map<String, String> settings = Map.of(
                "server.port", "0",
                "management.server.port", "0",
                "spring.kafka.bootstrap-servers", BackingServices.kafka().bootstrapServers(),
                "spring.mongodb.uri", BackingServices.mongo().uri(database),
                "spring.mongodb.database", database,
                "conference.identity.jwt-secret", BackingServicesInitializer.TEST_JWT_SECRET,
                "conference.meetings.relay-sweep-interval", "PT0.2S",
                "conference.timers.poll-interval", "PT0.2S");
        return new SpringApplicationBuilder(MeetingApplication.class)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    @Test
    void aStormOverTwoInstancesLosesNobodyAndCountsNobodyTwice() {
        new StormScenario(kafka, ROOMS, CALLERS_PER_ROOM).run(() -> { });
    }

    @Test
    void whenOneInstanceStopsInTheMiddleTheOtherCarriesOn() {
        new StormScenario(kafka, ROOMS, CALLERS_PER_ROOM).run(() -> instances.remove(0).close());
    }

    // with an instance stopped in the middle: MeetingCrashTest (instances in one JVM share Reactor Netty's global
    // resources, so closing one stops the other's HTTP server, which this scenario reads the Calls from)
    @Test
    void roomsAHostStartsAndStopsWithCapsLoseNobodyAndCountEveryRefusalOnce() throws Exception {
        new ModeratedStormScenario(kafka, 2, 12, 4, 20, 15).run(() -> { },
                () -> "http://127.0.0.1:" + instances.get(0).getEnvironment().getProperty("local.server.port"),
                this::refused);
    }

    /** {@code conference_calls_refused_total} of {@code reason}, summed over the instances. */
    private double refused(String reason) {
        return instances.stream().mapToDouble(instance -> metrics.refused("http://127.0.0.1:"
                + instance.getEnvironment().getProperty("local.management.port"), reason)).sum();
    }
}
