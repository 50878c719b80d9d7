package org.conference.edge.media.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptQueueTest {

    private final PromptQueue queue = new PromptQueue();

    @Test
    void promptsPlayOneAfterTheOtherOverWhatTheCallHears() {
        queue.add(constant(100, 200));
        queue.add(constant(7, 50));
        int[] frame = new int[160];
        java.util.Arrays.fill(frame, 1000);

        assertThat(queue.mixInto(frame)).isTrue();
        assertThat(frame).containsOnly(1100);

        frame = new int[160];
        assertThat(queue.mixInto(frame)).isTrue();
        // the first prompt's last 40 samples, then the second's 50, then nothing
        assertThat(frame[0]).isEqualTo(100);
        assertThat(frame[39]).isEqualTo(100);
        assertThat(frame[40]).isEqualTo(7);
        assertThat(frame[89]).isEqualTo(7);
        assertThat(frame[90]).isZero();
        assertThat(queue.mixInto(new int[160])).as("nothing left").isFalse();
    }

    @Test
    void aClearedQueuePlaysNothing() {
        queue.add(constant(5, 400));
        queue.add(constant(5, 400));
        queue.clear();
        assertThat(queue.mixInto(new int[160])).isFalse();
        queue.add(constant(9, 10));
        int[] frame = new int[160];
        assertThat(queue.mixInto(frame)).isTrue();
        assertThat(frame[9]).isEqualTo(9);
    }

    private static short[] constant(int value, int samples) {
        short[] prompt = new short[samples];
        java.util.Arrays.fill(prompt, (short) value);
        return prompt;
    }
}
