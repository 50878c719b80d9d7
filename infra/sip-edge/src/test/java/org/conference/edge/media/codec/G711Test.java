package org.conference.edge.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.conference.edge.media.Codec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class G711Test {

    private static final float RATE = 8000f;
    private static final int JDK_ULAW_LARGEST = 32635;

    @ParameterizedTest
    @EnumSource(Codec.class)
    void everyLinearSampleEncodesAsTheJdkEncodesIt(Codec codec) throws Exception {
        ByteBuffer pcm = ByteBuffer.allocate(65536 * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
            pcm.putShort((short) sample);
        }
        AudioFormat linear = new AudioFormat(RATE, 16, 1, true, false);
        AudioInputStream source = new AudioInputStream(new ByteArrayInputStream(pcm.array()), linear, 65536);
        byte[] jdk = AudioSystem.getAudioInputStream(lawFormat(codec), source).readAllBytes();

        assertThat(jdk).hasSize(65536);
        G711 table = G711.of(codec);
        for (int i = 0; i < 65536; i++) {
            int sample = Short.MIN_VALUE + i;
            if (codec == Codec.PCMU && Math.abs(sample) > JDK_ULAW_LARGEST) {
                // the JDK adds its bias in short arithmetic, which wraps the loudest 133 samples of either sign round
                // to silence (0x7F, 0xFF); the table gives them full scale (0x00, 0x80), as G.711 does
                assertThat(table.encode(sample)).as("µ-law encode %d", sample)
                        .isEqualTo(sample < 0 ? (byte) 0x00 : (byte) 0x80);
                continue;
            }
            assertThat(table.encode(sample)).as("%s encode %d", codec, sample).isEqualTo(jdk[i]);
        }
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void everyCodeDecodesAsTheJdkDecodesIt(Codec codec) throws Exception {
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        AudioInputStream source = new AudioInputStream(new ByteArrayInputStream(codes), lawFormat(codec), 256);
        AudioFormat linear = new AudioFormat(RATE, 16, 1, true, false);
        ByteBuffer jdk = ByteBuffer.wrap(AudioSystem.getAudioInputStream(linear, source).readAllBytes())
                .order(ByteOrder.LITTLE_ENDIAN);

        G711 table = G711.of(codec);
        short[] decoded = new short[256];
        table.decode(codes, 0, 256, decoded);
        for (int i = 0; i < 256; i++) {
            assertThat(decoded[i]).as("%s decode 0x%02x", codec, i).isEqualTo(jdk.getShort(i * 2));
        }
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void aDecodedCodeEncodesBackToItself(Codec codec) {
        G711 table = G711.of(codec);
        for (int code = 0; code < 256; code++) {
            short linear = table.decode((byte) code);
            // µ-law has two codes for zero (0x7F and 0xFF); everything else is a fixed point of decode-then-encode
            if (codec == Codec.PCMU && linear == 0) {
                continue;
            }
            assertThat(table.encode(linear) & 0xFF).as("%s 0x%02x", codec, code).isEqualTo(code);
        }
    }

    private static AudioFormat lawFormat(Codec codec) {
        AudioFormat.Encoding encoding = codec == Codec.PCMU ? AudioFormat.Encoding.ULAW : AudioFormat.Encoding.ALAW;
        return new AudioFormat(encoding, RATE, 8, 1, 1, RATE, false);
    }
}
