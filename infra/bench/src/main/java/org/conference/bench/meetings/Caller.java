package org.conference.bench.meetings;

/**
 * One simulated phone: its own caller number (which tells its Call apart in the API), the edge call id the simulator
 * gave it, and the moments that matter. Times are {@link System#nanoTime()}, 0 until they happen; the watcher thread
 * writes {@code seenJoinedAt}, the driver thread the rest.
 */
final class Caller {

    final String number;
    private volatile String edgeCallId;
    private volatile long dtmfSentAt;
    private volatile long dtmfSentEpochMillis;
    private volatile long seenJoinedAt;
    private volatile long joinedEpochMillis;

    Caller(String number) {
        this.number = number;
    }

    String edgeCallId() {
        return edgeCallId;
    }

    void placed(String id) {
        edgeCallId = id;
    }

    /** Noted just before the DTMF request leaves. */
    void keyingCode() {
        dtmfSentEpochMillis = System.currentTimeMillis();
        dtmfSentAt = System.nanoTime();
    }

    long dtmfSentAt() {
        return dtmfSentAt;
    }

    /** The first poll that showed the Call joined: when its answer arrived, and the Call's own {@code joined}. */
    void seenJoined(long answerReceivedAt, long joined) {
        if (seenJoinedAt == 0) {
            seenJoinedAt = answerReceivedAt;
            joinedEpochMillis = joined;
        }
    }

    boolean seenJoined() {
        return seenJoinedAt != 0;
    }

    long seenJoinedAt() {
        return seenJoinedAt;
    }

    /** DTMF sent to visible as joined through the gateway, in nanoseconds. */
    long dtmfToVisible() {
        return seenJoinedAt - dtmfSentAt;
    }

    /** Whether the poll that saw it joined also gave the Call's {@code joined} time. */
    boolean decidedKnown() {
        return joinedEpochMillis > 0;
    }

    /** DTMF sent to the meeting's decision (the Call's {@code joined}, same machine clock), in milliseconds. */
    long dtmfToDecidedMillis() {
        return joinedEpochMillis - dtmfSentEpochMillis;
    }
}
