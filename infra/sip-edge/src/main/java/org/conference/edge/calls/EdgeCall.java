package org.conference.edge.calls;

import java.util.concurrent.atomic.AtomicReference;

import org.conference.edge.media.CallAudio;

/**
 * One phone call the edge holds: its ids on both sides, its audio and its line to the phone. The state only moves
 * forward (ringing, answered, ended), each step one compare-and-set, so a SIP thread and the command consumer racing
 * on the same call agree on who took a step.
 *
 * @see CallRegistry
 */
public final class EdgeCall {

    /** Where a call stands. */
    public enum State {
        RINGING, ANSWERED, ENDED
    }

    private final String id;
    private final String sipCallId;
    private final CallAudio audio;
    private final PhoneLine line;
    private final long createdAt;
    private final AtomicReference<State> state = new AtomicReference<>(State.RINGING);
    private volatile Long meetingNumber;

    public EdgeCall(String id, String sipCallId, CallAudio audio, PhoneLine line, long createdAt) {
        this.id = id;
        this.sipCallId = sipCallId;
        this.audio = audio;
        this.line = line;
        this.createdAt = createdAt;
    }

    /** The edge call id: the key of its events and commands. */
    public String id() {
        return id;
    }

    /** The SIP Call-ID of its dialog. */
    public String sipCallId() {
        return sipCallId;
    }

    public CallAudio audio() {
        return audio;
    }

    public PhoneLine line() {
        return line;
    }

    public long createdAt() {
        return createdAt;
    }

    public State state() {
        return state.get();
    }

    public boolean ended() {
        return state.get() == State.ENDED;
    }

    /** The meeting it was joined to last, or null when it is in none. */
    public Long meetingNumber() {
        return meetingNumber;
    }

    public void joined(Long meeting) {
        this.meetingNumber = meeting;
    }

    /** Ringing to answered; false when it was not ringing any more (cancelled, hung up, already answered). */
    public boolean answer() {
        return state.compareAndSet(State.RINGING, State.ANSWERED);
    }

    /** Ends it; true for the one caller that ended it. */
    boolean end() {
        return state.getAndSet(State.ENDED) != State.ENDED;
    }
}
