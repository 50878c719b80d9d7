package org.conference.edge.media.prompts;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.conference.edge.media.codec.Frames;

/**
 * The prompts waiting for one call, played one after the other over whatever else it hears. Any thread may
 * {@link #add}; only the mixer's clock thread calls {@link #mixInto}.
 */
public final class PromptQueue {

    private final Queue<short[]> waiting = new ConcurrentLinkedQueue<>();
    // read on every tick of every call: one volatile int is cheaper than polling an empty queue's nodes
    private final AtomicInteger queued = new AtomicInteger();
    private short[] playing;
    private int position;

    public void add(short[] prompt) {
        waiting.add(prompt);
        queued.incrementAndGet();
    }

    /** Drops whatever is queued or playing (the call is gone). */
    public void clear() {
        for (short[] dropped = waiting.poll(); dropped != null; dropped = waiting.poll()) {
            queued.decrementAndGet();
        }
    }

    /** Adds the next 20 ms of prompt audio to {@code frame}; false when nothing was playing. */
    public boolean mixInto(int[] frame) {
        if (playing == null && (queued.get() == 0 || !advance())) {
            return false;
        }
        for (int i = 0; i < Frames.SAMPLES; i++) {
            if (position == playing.length && !advance()) {
                return true;
            }
            frame[i] += playing[position++];
        }
        if (position == playing.length) {
            advance();
        }
        return true;
    }

    private boolean advance() {
        playing = queued.get() == 0 ? null : waiting.poll();
        position = 0;
        if (playing == null) {
            return false;
        }
        queued.decrementAndGet();
        return true;
    }
}
