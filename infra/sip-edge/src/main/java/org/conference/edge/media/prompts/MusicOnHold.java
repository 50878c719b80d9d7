package org.conference.edge.media.prompts;

import org.conference.edge.media.codec.Frames;

/** Where one held call is in the music-on-hold loop (the loop itself is shared). Clock thread only. */
public final class MusicOnHold {

    private final short[] loop;
    private int position;

    public MusicOnHold(short[] loop) {
        this.loop = loop;
    }

    /** Puts the next 20 ms of the loop into {@code frame}. */
    public void fill(int[] frame) {
        for (int i = 0; i < Frames.SAMPLES; i++) {
            frame[i] = loop[position];
            position = position + 1 == loop.length ? 0 : position + 1;
        }
    }
}
