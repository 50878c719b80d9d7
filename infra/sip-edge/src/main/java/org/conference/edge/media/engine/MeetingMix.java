package org.conference.edge.media.engine;

import java.util.Arrays;
import org.conference.edge.media.codec.Frames;

/** One meeting's sum for the current tick: every contributing call's frame added once. Clock thread only. */
final class MeetingMix {

    final long meetingNumber;
    final int[] total = new int[Frames.SAMPLES];
    int members;

    MeetingMix(long meetingNumber) {
        this.meetingNumber = meetingNumber;
    }

    void clear() {
        Arrays.fill(total, 0);
        members = 0;
    }

    void add(short[] frame) {
        for (int i = 0; i < Frames.SAMPLES; i++) {
            total[i] += frame[i];
        }
    }
}
