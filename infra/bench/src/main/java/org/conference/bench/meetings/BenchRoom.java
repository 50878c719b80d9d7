package org.conference.bench.meetings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.conference.bench.meetings.PlatformHttp.Answer;

/**
 * What a run provisions through the gateway and removes again: a DID group on the CONF call flow, one DID in it, and a
 * meeting room reached through that group with one participant key.
 */
record BenchRoom(long didGroupId, long didId, String phoneNumber, long meetingNumber, String accessCode) {

    /** The reference's CONF call flow (ARCHITECTURE.md §8): the first caller starts the meeting. */
    static final int CONF = 3;
    private static final int PARTICIPANT = 2;
    private static final int NUMBER_ATTEMPTS = 5;

    static BenchRoom provision(Endpoint gateway) {
        Answer group = expect(gateway.post("/didGroups",
                Map.of("name", "dial-in bench " + System.currentTimeMillis(), "callFlowId", CONF)).join(),
                200, "POST /didGroups");
        long groupId = group.body().path("id").asLong();
        Answer did = null;
        for (int attempt = 1; attempt <= NUMBER_ATTEMPTS; attempt++) {
            // a number left behind by an interrupted run answers 409: draw another
            did = gateway.post("/dids", Map.of("didGroupId", groupId, "phoneNumber", randomUsNumber())).join();
            if (did.status() != 409) {
                break;
            }
        }
        expect(did, 200, "POST /dids");
        String accessCode = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        Answer room = expect(gateway.post("/meetingRooms", Map.of("primaryDidGroupId", groupId,
                "description", "dial-in bench", "keychain", List.of(Map.of("accessCode", accessCode,
                        "role", PARTICIPANT)))).join(), 201, "POST /meetingRooms");
        return new BenchRoom(groupId, did.body().path("id").asLong(), did.body().path("phoneNumber").asString(),
                room.body().path("meetingNumber").asLong(), accessCode);
    }

    /** Deletes what {@link #provision} made, room first (it references the group); the problems, if any. */
    List<String> remove(Endpoint gateway) {
        List<String> problems = new ArrayList<>();
        for (String path : List.of("/meetingRooms/" + meetingNumber, "/dids/" + didId, "/didGroups/" + didGroupId)) {
            Answer answer = gateway.delete(path).join();
            if (answer.status() != 204) {
                problems.add("DELETE " + path + ": " + answer.describe());
            }
        }
        return problems;
    }

    /** A valid North American number (area code 516, exchange 206-999), as a DID stores it: digits only. */
    static String randomUsNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "1516" + random.nextInt(206, 1000) + String.format("%04d", random.nextInt(10_000));
    }

    private static Answer expect(Answer answer, int status, String request) {
        if (answer.status() != status) {
            throw new BenchFailure(request + " answered " + answer.describe() + ", expected " + status);
        }
        return answer;
    }
}
