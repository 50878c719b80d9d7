package org.conference.simulator.recordings;

/** A recording that has stopped, to be written: {@code callId} is the call whose command or end stopped it. */
record FinishedRecording(String name, String callId, long startedAt, long stoppedAt) {

    long durationMillis() {
        return stoppedAt - startedAt;
    }
}
