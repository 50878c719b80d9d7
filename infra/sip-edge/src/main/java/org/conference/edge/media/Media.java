package org.conference.edge.media;

import java.util.Optional;

/**
 * The audio side of the edge, one per process: the RTP sockets, the per-meeting mixers and their clock, recordings.
 * The signalling side ({@code sip}) opens one {@link CallAudio} per answered call and drives it with what the platform
 * commands. Every method returns quickly and never blocks on the network: it is called from SIP and Kafka threads.
 */
public interface Media {

    /**
     * Binds a local RTP port for a call and starts receiving from the phone (DTMF is reported from then on); the phone
     * hears nothing until the call is joined, held or played to.
     *
     * @throws MediaCapacityException when the edge is at its configured capacity or no RTP port is free
     */
    CallAudio open(String callId, AudioOffer offer, AudioEvents events);

    /** Starts recording the mix of a meeting into a WAV; false when a recording of that name is already running. */
    boolean startRecording(long meetingNumber, String recordingName);

    /** Stops a recording and finishes its WAV; empty when no recording of that name runs. */
    Optional<RecordedAudio> stopRecording(String recordingName);

    /** A finished recording still kept by the edge (for its download URL); empty when unknown or forgotten. */
    Optional<RecordedAudio> recording(String recordingName);

    /** Calls open now (for capacity and the gauge). */
    int openCalls();
}
