package org.conference.edge.media.codec;

import org.conference.edge.media.Codec;

/**
 * G.711 µ-law and A-law as lookup tables: 256 entries to decode, 65,536 to encode, so the mixer's per-sample work is
 * one array read. The tables are computed once from the segment arithmetic the JDK's own converters use (its
 * {@code UlawCodec}/{@code AlawCodec}); a test pins every entry against {@code AudioSystem}'s conversion.
 */
public final class G711 {

    private static final int SIGN_BIT = 0x80;
    private static final int QUANT_MASK = 0x0F;
    private static final int SEG_SHIFT = 4;
    private static final int SEG_MASK = 0x70;
    private static final int ULAW_BIAS = 0x84;
    private static final int[] SEGMENT_ENDS = {0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF, 0x3FFF, 0x7FFF};

    private static final G711 ULAW = new G711(Codec.PCMU);
    private static final G711 ALAW = new G711(Codec.PCMA);

    private final short[] decodeTable = new short[256];
    private final byte[] encodeTable = new byte[65536];

    private G711(Codec codec) {
        for (int code = 0; code < 256; code++) {
            decodeTable[code] = (short) (codec == Codec.PCMU ? ulawToLinear(code) : alawToLinear(code));
        }
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            encodeTable[sample & 0xFFFF] = (byte) (codec == Codec.PCMU ? linearToUlaw(sample) : linearToAlaw(sample));
        }
    }

    public static G711 of(Codec codec) {
        return codec == Codec.PCMU ? ULAW : ALAW;
    }

    public short decode(byte code) {
        return decodeTable[code & 0xFF];
    }

    public byte encode(int sample) {
        return encodeTable[sample & 0xFFFF];
    }

    /** Decodes {@code count} codes from {@code in[offset..]} into {@code out[0..count)}. */
    public void decode(byte[] in, int offset, int count, short[] out) {
        for (int i = 0; i < count; i++) {
            out[i] = decodeTable[in[offset + i] & 0xFF];
        }
    }

    private static int segment(int magnitude) {
        for (int seg = 0; seg < SEGMENT_ENDS.length; seg++) {
            if (magnitude <= SEGMENT_ENDS[seg]) {
                return seg;
            }
        }
        return SEGMENT_ENDS.length;
    }

    private static int linearToUlaw(int sample) {
        int mask;
        int magnitude;
        if (sample < 0) {
            magnitude = ULAW_BIAS - sample;
            mask = 0x7F;
        } else {
            magnitude = sample + ULAW_BIAS;
            mask = 0xFF;
        }
        int seg = segment(magnitude);
        if (seg >= 8) {
            return 0x7F ^ mask;
        }
        return ((seg << SEG_SHIFT) | ((magnitude >> (seg + 3)) & QUANT_MASK)) ^ mask;
    }

    private static int ulawToLinear(int code) {
        int inverted = ~code & 0xFF;
        int t = ((inverted & QUANT_MASK) << 3) + ULAW_BIAS;
        t <<= (inverted & SEG_MASK) >> SEG_SHIFT;
        return (inverted & SIGN_BIT) != 0 ? ULAW_BIAS - t : t - ULAW_BIAS;
    }

    private static int linearToAlaw(int sample) {
        int mask;
        int magnitude;
        if (sample >= 0) {
            mask = 0xD5;
            magnitude = sample;
        } else {
            mask = 0x55;
            magnitude = -sample - 8;
        }
        int seg = segment(magnitude);
        if (seg >= 8) {
            return 0x7F ^ mask;
        }
        int code = seg << SEG_SHIFT;
        code |= seg < 2 ? (magnitude >> 4) & QUANT_MASK : (magnitude >> (seg + 3)) & QUANT_MASK;
        return code ^ mask;
    }

    private static int alawToLinear(int code) {
        int value = code ^ 0x55;
        int t = (value & QUANT_MASK) << 4;
        int seg = (value & SEG_MASK) >> SEG_SHIFT;
        switch (seg) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> {
                t += 0x108;
                t <<= seg - 1;
            }
        }
        return (value & SIGN_BIT) != 0 ? t : -t;
    }
}
