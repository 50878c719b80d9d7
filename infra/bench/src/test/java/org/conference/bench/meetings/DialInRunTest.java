package org.conference.bench.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The driver against {@link FakePlatform}: what it provisions, keys and cleans up, and what it reports. */
class DialInRunTest {

    private static final int CALLERS = 60;
    private static final long JOIN_DELAY_MS = 40;

    @Test
    void everyCallerJoinsAndTheReportMeasuresFromDtmfToVisible() throws Exception {
        try (FakePlatform platform = new FakePlatform(JOIN_DELAY_MS, Set.of())) {
            DialInReport report = DialInBench.run(settings(platform, CALLERS, Duration.ofSeconds(60)));

            assertThat(report.failure()).isNull();
            assertThat(report.errors()).isEmpty();
            assertThat(report.complete()).isTrue();
            assertThat(report.placed()).isEqualTo(CALLERS);
            assertThat(report.joined()).isEqualTo(CALLERS);
            assertThat(report.participantCount()).isEqualTo(CALLERS);
            // every latency includes the platform's join delay, and none is longer than the whole join phase
            assertThat(report.visible().count()).isEqualTo(CALLERS);
            assertThat(report.visible().percentile(0))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(JOIN_DELAY_MS).toNanos());
            assertThat(report.visible().max()).isLessThanOrEqualTo(report.firstDtmfToAllJoined().toNanos());
            assertThat(report.decided().percentile(0)).isGreaterThanOrEqualTo(JOIN_DELAY_MS * 1_000_000 - 2_000_000);
            assertThat(report.polls().count()).isPositive();
            assertThat(report.phases()).containsKeys(DialInReport.Phase.values());
            assertThat(report.render()).contains("joined, seen through the gateway 60 of 60 placed")
                    .contains("goal: all 60 joined within 10 s: met");
        }
    }

    @Test
    void provisionsAConfRoomKeysItsCodeAndRemovesEverythingAfterwards() throws Exception {
        try (FakePlatform platform = new FakePlatform(0, Set.of())) {
            DialInReport report = DialInBench.run(settings(platform, 10, Duration.ofSeconds(60)));

            assertThat(platform.unauthorized).hasValue(0);
            assertThat(platform.provisioningBodies.get(0).path("callFlowId").asInt()).isEqualTo(BenchRoom.CONF);
            assertThat(platform.provisioningBodies.get(1).path("phoneNumber").asString()).matches("1516[2-9]\\d{6}");
            assertThat(platform.provisioningBodies.get(2).path("keychain").path(0).path("role").asInt()).isEqualTo(2);
            // the first probe was hung up by the platform (not routed yet): the bench tried again
            assertThat(platform.calls()).filteredOn(call -> call.caller.startsWith("1213")).hasSize(2);
            assertThat(platform.calls()).filteredOn(call -> call.caller.startsWith("1212"))
                    .hasSize(10)
                    .allSatisfy(call -> {
                        assertThat(call.digitsKeyed).containsExactly(platform.accessCode + "#");
                        assertThat(call.ended).as("hung up at the end").isTrue();
                    });
            assertThat(platform.deletedPaths).containsExactly("/meetingRooms/" + platform.meetingNumber,
                    "/dids/220", "/didGroups/219");
            assertThat(report.room().phoneNumber()).isEqualTo(platform.phoneNumber);
        }
    }

    @Test
    void aCallerThatNeverJoinsMakesTheRunIncompleteYetEverythingIsCleanedUp() throws Exception {
        String refused = "12122000003";
        try (FakePlatform platform = new FakePlatform(0, Set.of(refused))) {
            DialInReport report = DialInBench.run(settings(platform, 8, Duration.ofSeconds(2)));

            assertThat(report.complete()).isFalse();
            assertThat(report.joined()).isEqualTo(7);
            assertThat(report.firstDtmfToAllJoined()).isNull();
            assertThat(report.errors()).containsEntry("POST /simulator/v1/calls/{id}/dtmf -> 409 conflict", 1);
            assertThat(report.render()).contains("joined, seen through the gateway 7 of 8 placed")
                    .contains("goal: all 8 joined within 10 s: MISSED (7 joined)");
            assertThat(platform.calls()).allSatisfy(call -> assertThat(call.ended).isTrue());
            assertThat(platform.deletedPaths).hasSize(3);
        }
    }

    @Test
    void codesCanBeKeyedAtASteadyRateInsteadOfAllAtOnce() throws Exception {
        try (FakePlatform platform = new FakePlatform(0, Set.of())) {
            BenchSettings paced = new BenchSettings(platform.gatewayUrl(), platform.simulatorUrl(),
                    FakePlatform.LOGIN, FakePlatform.PASSWORD, 11, 8, Duration.ofMillis(10), Duration.ofSeconds(60),
                    20);

            DialInReport report = DialInBench.run(paced);

            assertThat(report.complete()).isTrue();
            // 11 codes at 20/s: the last is scheduled 10 intervals of 50 ms after the first. The span is measured from
            // when the first request actually left, which can trail the schedule's start by a few milliseconds (its
            // slot, the client's first request): allow 10 %, far from the few milliseconds of codes keyed at once.
            assertThat(report.dtmfSpan()).isGreaterThanOrEqualTo(Duration.ofMillis(450));
            assertThat(report.render()).contains("codes keyed at 20/s");
        }
    }

    private static BenchSettings settings(FakePlatform platform, int callers, Duration joinTimeout) {
        return new BenchSettings(platform.gatewayUrl(), platform.simulatorUrl(), FakePlatform.LOGIN,
                FakePlatform.PASSWORD, callers, 8, Duration.ofMillis(10), joinTimeout, 0);
    }
}
