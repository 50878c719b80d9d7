package org.conference.simulator.recordings;

/**
 * A recording under way: started by {@code record.start} on call {@code callId}, of the mix of the meeting that call
 * was in ({@code meetingNumber}, null when it was in none: then of that call alone).
 */
record ActiveRecording(String name, String callId, Long meetingNumber, long startedAt) {

    boolean covers(String otherCallId, Long otherMeetingNumber) {
        return callId.equals(otherCallId) || (meetingNumber != null && meetingNumber.equals(otherMeetingNumber));
    }

    FinishedRecording stop(String stoppedByCallId, long stoppedAt) {
        return new FinishedRecording(name, stoppedByCallId, startedAt, Math.max(startedAt, stoppedAt));
    }
}
