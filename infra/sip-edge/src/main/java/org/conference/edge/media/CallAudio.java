package org.conference.edge.media;

import java.net.InetSocketAddress;

/** The audio of one phone call. Methods are idempotent and thread-safe; none blocks. */
public interface CallAudio {

    /** The local UDP port the phone sends its RTP to (for the SDP answer). */
    int localPort();

    /** A re-INVITE moved the phone's media address. */
    void phoneAt(InetSocketAddress phone);

    /**
     * The phone put the call on hold itself (re-INVITE with {@code sendonly} or {@code inactive}): its audio leaves the
     * mix and nothing is sent to it until it resumes ({@code false}).
     */
    void heldByPhone(boolean held);

    /** {@code join}: the call's audio goes into that meeting's mix and it hears the others (N−1). */
    void join(long meetingNumber);

    /** {@code leave}: out of the mix; the call stays up and hears silence (or its prompts, or music on hold). */
    void leave();

    /** {@code mute}/{@code unmute}: the call still hears the meeting, the meeting no longer hears it. */
    void mute(boolean muted);

    /** {@code hold}/{@code unhold} from the platform: out of the mix both ways, music on hold instead. */
    void hold(boolean held);

    /** {@code play}: a prompt (e.g. {@code entry-tone}, {@code locked}, {@code count:7}) to this call only; a prompt
     * the edge does not have plays a beep. Prompts queue; the meeting stays audible under them. */
    void play(String prompt);

    /** Stops everything for this call and frees its port. */
    void close();
}
