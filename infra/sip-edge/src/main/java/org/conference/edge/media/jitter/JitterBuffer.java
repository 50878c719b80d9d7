package org.conference.edge.media.jitter;

import java.util.Arrays;
import org.conference.edge.media.codec.Frames;

/**
 * One call's jitter buffer: frames by RTP sequence number (16 bits, wrapping), played out one per mixer tick once
 * {@code depth} frames are held. A frame that is missing when its turn comes is concealed with silence (repeating the
 * last frame smears a lost syllable and loops a burst of noise; silence does neither); one arriving after its turn is
 * late and dropped, a second copy is a duplicate and dropped. When it runs dry (the phone paused or stopped) it goes
 * back to buffering, so a quiet phone is not counted as loss on every tick.
 *
 * <p>Not thread-safe: the call that owns it serialises the receive thread's {@link #offer} and the mixer's
 * {@link #take}.
 */
public final class JitterBuffer {

    /** What became of an offered frame. */
    public enum Offer { ACCEPTED, RESTARTED, LATE, DUPLICATE }

    /** What a tick got: the phone's frame, silence for a missing one, or silence while (re)filling. */
    public enum Take { AUDIO, CONCEALED, BUFFERING }

    private static final int SEQUENCE_MASK = 0xFFFF;
    private static final int MIN_CAPACITY = 64;

    private final int depth;
    private final int mask;
    private final short[][] frames;
    private final int[] sequences;
    private final boolean[] held;
    private boolean playing;
    private int next;
    private int buffered;

    /** @param depth frames held before play-out starts (1..32) */
    public JitterBuffer(int depth) {
        if (depth < 1 || depth > 32) {
            throw new IllegalArgumentException("jitter depth must be 1..32 frames, was " + depth);
        }
        this.depth = depth;
        // room for 1.28 s at least: a play-out stalled that long (a starved core) catches up instead of starting over
        int capacity = Math.max(MIN_CAPACITY, Integer.highestOneBit(depth * 4 - 1) << 1);
        this.mask = capacity - 1;
        this.frames = new short[capacity][Frames.SAMPLES];
        this.sequences = new int[capacity];
        this.held = new boolean[capacity];
    }

    /** Takes a frame of {@link Frames#SAMPLES} samples; the buffer keeps its own copy. */
    public Offer offer(int sequence, short[] frame) {
        sequence &= SEQUENCE_MASK;
        if (!playing && buffered == 0) {
            next = sequence;
        }
        int ahead = (short) (sequence - next);
        if (ahead < 0) {
            if (playing || (short) (newestHeld() - sequence) > mask) {
                return Offer.LATE;
            }
            next = sequence;
            ahead = 0;
        }
        boolean restarted = ahead > mask;
        if (restarted) {
            // a jump beyond the window (a phone restarting its stream, or a stalled play-out): start over from here
            reset();
            next = sequence;
        }
        int slot = sequence & mask;
        if (held[slot] && sequences[slot] == sequence) {
            return Offer.DUPLICATE;
        }
        if (held[slot]) {
            buffered--;
        }
        System.arraycopy(frame, 0, frames[slot], 0, Frames.SAMPLES);
        sequences[slot] = sequence;
        held[slot] = true;
        buffered++;
        if (!playing && buffered >= depth) {
            playing = true;
        }
        return restarted ? Offer.RESTARTED : Offer.ACCEPTED;
    }

    /** The next frame into {@code out}: the phone's audio, or silence (still buffering, or a concealed loss). */
    public Take take(short[] out) {
        if (!playing) {
            Frames.silence(out);
            return Take.BUFFERING;
        }
        int sequence = next;
        int slot = sequence & mask;
        next = (sequence + 1) & SEQUENCE_MASK;
        if (held[slot] && sequences[slot] == sequence) {
            System.arraycopy(frames[slot], 0, out, 0, Frames.SAMPLES);
            held[slot] = false;
            buffered--;
            return Take.AUDIO;
        }
        Frames.silence(out);
        if (buffered == 0) {
            playing = false;
        }
        return Take.CONCEALED;
    }

    public int buffered() {
        return buffered;
    }

    private int newestHeld() {
        int newest = next;
        for (int slot = 0; slot <= mask; slot++) {
            if (held[slot] && (short) (sequences[slot] - newest) > 0) {
                newest = sequences[slot];
            }
        }
        return newest;
    }

    /** Forgets every frame: the next one offered starts play-out afresh. */
    public void reset() {
        Arrays.fill(held, false);
        buffered = 0;
        playing = false;
    }
}
