package org.conference.testsupport.softphone;

import java.util.Objects;

/**
 * How one softphone behaves: its SIP user name, the tone it sends as its microphone, whether it answers incoming calls
 * by itself and the only codec it offers.
 *
 * @param user       the user part of its address of record ({@code sip:<user>@127.0.0.1:<port>})
 * @param toneHz     the sine its microphone plays (baresip's {@code ausine}), in Hz
 * @param autoAnswer answer every incoming call at once with 200 OK
 * @param codec      the one audio codec it offers and accepts (besides telephone-event)
 */
public record SoftphoneOptions(String user, int toneHz, boolean autoAnswer, Codec codec) {

    public SoftphoneOptions {
        Objects.requireNonNull(codec, "codec");
        if (user == null || !user.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a SIP user part of letters, digits, '.', '_' or '-', not " + user);
        }
        // ausine runs at 48 kHz, but what the test hears passes G.711 at 8 kHz: keep the tone below its Nyquist limit.
        if (toneHz < 50 || toneHz > 3800) {
            throw new IllegalArgumentException("a tone between 50 and 3800 Hz, not " + toneHz);
        }
    }

    /** A caller: answers nothing by itself, offers PCMU. */
    public static SoftphoneOptions caller(String user, int toneHz) {
        return new SoftphoneOptions(user, toneHz, false, Codec.PCMU);
    }

    /** A callee that answers every call at once, offers PCMU. */
    public static SoftphoneOptions autoAnswering(String user, int toneHz) {
        return new SoftphoneOptions(user, toneHz, true, Codec.PCMU);
    }

    public SoftphoneOptions withCodec(Codec other) {
        return new SoftphoneOptions(user, toneHz, autoAnswer, other);
    }

    public SoftphoneOptions withAutoAnswer(boolean answers) {
        return new SoftphoneOptions(user, toneHz, answers, codec);
    }
}
