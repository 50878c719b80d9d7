package org.conference.edge.media.prompts;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.conference.edge.media.codec.Frames;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The prompts a call can be played, as 8 kHz samples: the spoken ones from {@code classpath:prompts/*.wav} (made by
 * {@code infra/sip-edge/prompts/generate.sh}), the tones made in code, and two composed ones: {@code count:<n>}
 * ("there are" + the number in words + "participants") and {@code tones:<on|off>:<on|off>} ("entry tones on, exit
 * tones off"). Anything else plays {@link Tones#beep()}. Loaded once; the clips are shared and never written.
 */
public final class PromptLibrary {

    private static final AudioFormat PCM = new AudioFormat(Frames.SAMPLE_RATE, 16, 1, true, false);
    private static final short[] GAP = Tones.silence(60);
    private static final String[] TENS = {"", "", "20", "30", "40", "50", "60", "70", "80", "90"};
    private static final long LARGEST_SPOKEN = 999_999;

    private final Map<String, short[]> clips;
    private final short[] beep = Tones.beep();

    private PromptLibrary(Map<String, short[]> clips) {
        this.clips = clips;
    }

    /** The library with every WAV under {@code classpath:prompts/}. */
    public static PromptLibrary load() {
        Map<String, short[]> clips = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:prompts/*.wav")) {
                String file = resource.getFilename();
                try (InputStream in = resource.getInputStream()) {
                    clips.put(file.substring(0, file.length() - ".wav".length()), samples(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("prompts could not be read", e);
        }
        clips.put("entry-tone", Tones.entryTone());
        clips.put("exit-tone", Tones.exitTone());
        return new PromptLibrary(Map.copyOf(clips));
    }

    /** The audio of a prompt; a beep when the edge does not have it. */
    public short[] audio(String prompt) {
        if (prompt == null) {
            return beep;
        }
        if (prompt.startsWith("count:")) {
            return count(prompt.substring("count:".length()));
        }
        if (prompt.startsWith("tones:")) {
            return tones(prompt.substring("tones:".length()));
        }
        // the composing pieces (number-7, word-on, ...) are not prompts of their own
        if (prompt.startsWith("number-") || prompt.startsWith("word-") || prompt.startsWith("count-")
                || prompt.startsWith("tones-")) {
            return beep;
        }
        return clips.getOrDefault(prompt, beep);
    }

    public short[] beep() {
        return beep;
    }

    private short[] count(String number) {
        long callers;
        try {
            callers = Long.parseLong(number);
        } catch (NumberFormatException e) {
            return beep;
        }
        if (callers < 0 || callers > LARGEST_SPOKEN) {
            return beep;
        }
        List<short[]> parts = new ArrayList<>();
        parts.add(clip(callers == 1 ? "count-there-is" : "count-there-are"));
        spell(callers, parts);
        parts.add(clip(callers == 1 ? "count-participant" : "count-participants"));
        return spoken(parts);
    }

    private short[] tones(String setting) {
        String[] onOff = setting.split(":", -1);
        if (onOff.length != 2 || !isOnOff(onOff[0]) || !isOnOff(onOff[1])) {
            return beep;
        }
        return spoken(List.of(clip("tones-entry"), clip("word-" + onOff[0]), clip("tones-exit"),
                clip("word-" + onOff[1])));
    }

    private static boolean isOnOff(String word) {
        return word.equals("on") || word.equals("off");
    }

    /** The number in words, as pieces: "three hundred", "forty", "two". */
    private void spell(long number, List<short[]> parts) {
        if (number >= 1000) {
            spell(number / 1000, parts);
            parts.add(clip("number-thousand"));
            if (number % 1000 != 0) {
                spell(number % 1000, parts);
            }
        } else if (number >= 100) {
            parts.add(clip("number-" + number / 100));
            parts.add(clip("number-hundred"));
            if (number % 100 != 0) {
                spell(number % 100, parts);
            }
        } else if (number >= 20) {
            parts.add(clip("number-" + TENS[(int) (number / 10)]));
            if (number % 10 != 0) {
                parts.add(clip("number-" + number % 10));
            }
        } else {
            parts.add(clip("number-" + number));
        }
    }

    private short[] clip(String piece) {
        return clips.getOrDefault(piece, beep);
    }

    private static short[] spoken(List<short[]> parts) {
        List<short[]> withGaps = new ArrayList<>();
        for (short[] part : parts) {
            if (!withGaps.isEmpty()) {
                withGaps.add(GAP);
            }
            withGaps.add(part);
        }
        return Tones.concat(withGaps.toArray(short[][]::new));
    }

    /** Reads a WAV as 8 kHz 16-bit mono samples, converting it when it was written otherwise. */
    static short[] samples(InputStream wav) throws IOException {
        try (AudioInputStream source = AudioSystem.getAudioInputStream(new BufferedInputStream(wav));
             AudioInputStream pcm = source.getFormat().matches(PCM) ? source : AudioSystem.getAudioInputStream(PCM, source)) {
            ByteBuffer bytes = ByteBuffer.wrap(pcm.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            short[] samples = new short[bytes.remaining() / 2];
            bytes.asShortBuffer().get(samples);
            return samples;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("not a WAV the edge can play", e);
        }
    }
}
