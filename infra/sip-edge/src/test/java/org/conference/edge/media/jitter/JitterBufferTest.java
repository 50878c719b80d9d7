package org.conference.edge.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.conference.edge.media.jitter.JitterBuffer.Offer;
import org.conference.edge.media.jitter.JitterBuffer.Take;
import org.junit.jupiter.api.Test;

class JitterBufferTest {

    private final JitterBuffer buffer = new JitterBuffer(3);

    @Test
    void holdsItsDepthBeforePlayingAndPlaysInSequenceOrder() {
        short[] out = new short[160];
        buffer.offer(12, frame(12));
        assertThat(buffer.take(out)).isEqualTo(Take.BUFFERING);
        buffer.offer(11, frame(11));
        assertThat(buffer.take(out)).isEqualTo(Take.BUFFERING);
        buffer.offer(10, frame(10));
        buffer.offer(13, frame(13));

        assertThat(playOut(4)).containsExactly(10, 11, 12, 13);
    }

    @Test
    void reordersAcrossTheSixteenBitWraparound() {
        int[] arrival = {65534, 0, 65535, 2, 1, 3};
        for (int sequence : arrival) {
            assertThat(buffer.offer(sequence, frame(sequence))).isEqualTo(Offer.ACCEPTED);
        }

        assertThat(playOut(6)).containsExactly(65534, 65535, 0, 1, 2, 3);
    }

    @Test
    void aDuplicateIsDroppedAndPlayedOnce() {
        buffer.offer(100, frame(100));
        assertThat(buffer.offer(100, frame(100))).isEqualTo(Offer.DUPLICATE);
        buffer.offer(101, frame(101));
        buffer.offer(102, frame(102));

        assertThat(playOut(3)).containsExactly(100, 101, 102);
        assertThat(buffer.buffered()).isZero();
    }

    @Test
    void aFrameAfterItsTurnIsLate() {
        for (int sequence = 65533; sequence <= 65535; sequence++) {
            buffer.offer(sequence, frame(sequence));
        }
        buffer.offer(1, frame(1));
        playOut(3);

        // 65535 was played, 0 is missing and its turn comes next; 65534 came back late
        assertThat(buffer.offer(65534, frame(65534))).isEqualTo(Offer.LATE);
        short[] out = new short[160];
        assertThat(buffer.take(out)).isEqualTo(Take.CONCEALED);
        assertThat(buffer.offer(0, frame(0))).isEqualTo(Offer.LATE);
    }

    @Test
    void aMissingFrameIsConcealedWithSilenceAndPlayOutGoesOn() {
        buffer.offer(1, frame(1));
        buffer.offer(2, frame(2));
        buffer.offer(4, frame(4));
        buffer.offer(5, frame(5));
        short[] out = new short[160];

        assertThat(playOut(2)).containsExactly(1, 2);
        assertThat(buffer.take(out)).isEqualTo(Take.CONCEALED);
        assertThat(out).containsOnly((short) 0);
        assertThat(playOut(2)).containsExactly(4, 5);
    }

    @Test
    void runningDryGoesBackToBufferingAndAFarJumpStartsAfresh() {
        for (int sequence = 1; sequence <= 3; sequence++) {
            buffer.offer(sequence, frame(sequence));
        }
        playOut(3);
        short[] out = new short[160];
        assertThat(buffer.take(out)).isEqualTo(Take.CONCEALED);
        assertThat(buffer.take(out)).as("a silent phone is not counted as loss on every tick")
                .isEqualTo(Take.BUFFERING);

        for (int sequence = 30_000; sequence < 30_003; sequence++) {
            assertThat(buffer.offer(sequence, frame(sequence))).isEqualTo(Offer.ACCEPTED);
        }
        assertThat(playOut(3)).containsExactly(30_000, 30_001, 30_002);
    }

    /** Takes {@code count} frames, each expected to be audio, and answers which sequence numbers they carried. */
    private List<Integer> playOut(int count) {
        List<Integer> played = new ArrayList<>();
        short[] out = new short[160];
        for (int i = 0; i < count; i++) {
            assertThat(buffer.take(out)).isEqualTo(Take.AUDIO);
            played.add(out[0] & 0xFFFF);
        }
        return played;
    }

    /** A frame whose samples carry its sequence number, so the play-out order can be read back. */
    private static short[] frame(int sequence) {
        short[] frame = new short[160];
        java.util.Arrays.fill(frame, (short) sequence);
        return frame;
    }
}
