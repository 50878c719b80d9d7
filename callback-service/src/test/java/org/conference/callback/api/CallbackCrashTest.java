package org.conference.callback.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.conference.testsupport.BackingServices;
import org.conference.testsupport.BackingServicesInitializer;
import org.conference.testsupport.processes.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * callback-service as its own process, killed with SIGKILL in the middle of 1,000 events and started again: every
 * event reaches its endpoint at least once, and an event sent twice (it was in flight or its success not yet written
 * when the process died) carries the same webhook-id and a valid signature both times.
 */
class CallbackCrashTest {

    private static final int EVENTS = 1_000;

    private final String database = "callback_crash_" + UUID.randomUUID().toString().substring(0, 8);
    private final Receiver receiver = new Receiver();
    private final EventFeed feed = new EventFeed(BackingServices.kafka().bootstrapServers());
    private ServiceProcess service;

    @TempDir
    Path logs;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        receiver.close();
        feed.close();
    }

    @Test
    void aKilledInstanceLosesNoEvent() {
        service = ServiceProcess.start("callback", "org.conference.callback.CallbackApplication", Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", BackingServices.kafka().bootstrapServers(),
                        "MONGODB_URI", BackingServices.mongo().uri(database),
                        "MONGODB_DATABASE", database,
                        "CONFERENCE_INTERNAL_JWT_SECRET", BackingServicesInitializer.TEST_JWT_SECRET,
                        "CONFERENCE_CALLBACKS_ALLOW_PRIVATE_TARGETS", "true"),
                List.of("--conference.callbacks.consumer-group=callback-crash-" + UUID.randomUUID(),
                        // a killed consumer leaves its group within seconds, not after the 45 s default
                        "--spring.kafka.consumer.properties[session.timeout.ms]=8000",
                        "--spring.kafka.consumer.properties[heartbeat.interval.ms]=1000",
                        "--conference.callbacks.lease=12s",
                        "--conference.callbacks.poll-interval=200ms",
                        "--conference.callbacks.held-back-recheck=2s",
                        "--conference.callbacks.retry-schedule=1s,1s,2s,5s"), logs);

        Map<String, String> secretByOwner = new HashMap<>();
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String sid = EventFeed.newSid();
            String secret = StandardWebhooks.newSecret();
            receiver.answerAlways("/crash/" + sid, Receiver.Reply.slow(200, 5));
            feed.subscriber(sid, 3, List.of(sid), receiver.url("/crash/" + sid), secret, 1);
            owners.add(sid);
            secretByOwner.put("/crash/" + sid, secret);
        }
        // the read model must know the owners before their events come, or the events have nobody to go to: an
        // event of the last owner is published until one arrives
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            feed.mediaEvent(owners.get(3), "file.stored");
            return receiver.requests().stream().anyMatch(r -> r.path().endsWith(owners.get(3)));
        });

        List<String> published = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            List<long[]> events = new ArrayList<>();
            for (int n = 0; n < EVENTS / owners.size(); n++) {
                events.add(new long[] {700_000 + i * 10L + n % 5, n / 5 + 1});
            }
            published.addAll(feed.meetingEvents(events, owners.get(i)));
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> distinctReceived(published) >= EVENTS / 4);
        service.kill();
        int beforeRestart = distinctReceived(published);
        service.restart();

        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .until(() -> distinctReceived(published) == EVENTS);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(distinctReceived(published) + " of " + EVENTS + " events arrived; the restarted "
                    + "instance's log ends:\n" + service.process().logTail(60), e);
        }
        Set<String> wanted = Set.copyOf(published);
        List<Receiver.Request> arrivals = receiver.requests(r -> wanted.contains(r.webhookId()));
        assertThat(arrivals).allSatisfy(arrival -> {
            assertThat(arrival.webhookId()).isEqualTo(arrival.event().get("id"));
            assertThat(StandardWebhooks.verifies(secretByOwner.get(arrival.path()), arrival)).isTrue();
        });
        Map<String, Long> sends = arrivals.stream()
                .collect(Collectors.groupingBy(Receiver.Request::webhookId, Collectors.counting()));
        long duplicates = sends.values().stream().filter(count -> count > 1).count();
        System.out.printf("crash test: %d of %d events in before the kill, %d sent more than once%n", beforeRestart,
                EVENTS, duplicates);
        assertThat(beforeRestart).isLessThan(EVENTS);
        assertThat(sends.keySet()).containsAll(published);
    }

    private int distinctReceived(List<String> published) {
        Set<String> wanted = Set.copyOf(published);
        return (int) receiver.requests().stream().map(Receiver.Request::webhookId).filter(wanted::contains)
                .distinct().count();
    }
}
