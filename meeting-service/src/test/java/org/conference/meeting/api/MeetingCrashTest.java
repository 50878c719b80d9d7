package org.conference.meeting.api;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.conference.common.events.Topics;
import org.conference.testsupport.BackingServices;
import org.conference.testsupport.processes.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two meeting-service processes, and one of them killed with SIGKILL in the middle of a join/leave storm: no
 * graceful shutdown, a consumer that never says goodbye, relay leases left held. The survivor takes the dead one's
 * partitions after the session timeout, finds every meeting in Mongo and finishes the storm: nobody lost, nobody
 * counted twice, one start and one end per meeting, gapless sequences — also in rooms a host starts and stops and
 * whose caps turn callers away ({@link ModeratedStormScenario}).
 */
class MeetingCrashTest {

    private final String database = "meeting_crash_" + UUID.randomUUID().toString().substring(0, 8);
    private ServiceProcess first;
    private ServiceProcess second;
    private KafkaProbe kafka;

    @TempDir
    Path logs;

    @BeforeEach
    void start() {
        first = instance("meeting-1");
        second = instance("meeting-2");
        kafka = new KafkaProbe(BackingServices.kafka().bootstrapServers(), List.of(Topics.MEETING_EVENTS,
                Topics.TELEPHONY_COMMANDS));
    }

    @AfterEach
    void stop() throws InterruptedException {
        first.close();
        second.close();
        kafka.close();
    }

    private ServiceProcess instance(String name) {
        return MeetingInstances.start(name, database, logs);
    }

    @Test
    void aKilledInstanceLosesNothingAndTheOtherFinishesTheStorm() {
        new StormScenario(kafka, 3, 40).run(() -> first.kill());
    }

    @Test
    void inRoomsAHostStartsAndStopsWithCapsAKilledInstanceLosesNobodyAndRefusesNobodyTwice() throws Exception {
        // the killed instance's counters die with it: refusals are checked at the edge and in the events
        new ModeratedStormScenario(kafka, 2, 12, 4, 20, 15).run(() -> first.kill(), second::baseUrl, null);
    }
}
