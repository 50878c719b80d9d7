package org.conference.edge.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelephoneEventsTest {

    private final TelephoneEvents events = new TelephoneEvents();
    private final StringBuilder pressed = new StringBuilder();

    @Test
    void onePressIsOneDigitThoughItsEndIsSentThreeTimes() {
        press(8000, 5);
        press(9600, 5);

        assertThat(pressed).hasToString("55");
    }

    @Test
    void everyKeyOfTheDialPadMapsToItsDigit() {
        for (int event = 0; event <= 11; event++) {
            press(1000L * (event + 1), event);
        }
        assertThat(pressed).hasToString("0123456789*#");
    }

    @Test
    void eventsThatAreNotDialPadKeysAreNotDigits() {
        press(500, 12); // A
        press(600, 16); // flash
        assertThat(pressed).isEmpty();
    }

    /** One key press as a phone sends it: start, continuation, then the end bit three times, one RTP timestamp. */
    private void press(long timestamp, int event) {
        int[][] packets = {{0, 160}, {0, 320}, {0, 480}, {1, 640}, {1, 640}, {1, 640}};
        for (int[] packet : packets) {
            byte[] payload = {(byte) event, (byte) ((packet[0] << 7) | 10), (byte) (packet[1] >> 8), (byte) packet[1]};
            char digit = events.onPacket(timestamp, payload, 0);
            if (digit != TelephoneEvents.NONE) {
                pressed.append(digit);
            }
        }
    }
}
