package org.conference.media.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.apache.tika.detect.Detector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.XMPDM;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.mp3.Mp3Parser;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Tells what a file's bytes are and how long they play, from the bytes themselves: the type from their magic (Tika's
 * MIME detector), the duration of WAV, AIFF and AU from the JDK's {@code AudioSystem} (their headers say it), of MP3
 * from Tika's MPEG audio parser (which walks the frames). Anything else is not audio here.
 * <p>
 * The parsers read an {@link InputStream}, which blocks: they run on the bounded-elastic scheduler, fed from the
 * content's publisher a few buffers at a time, and stop reading as soon as they know (a WAV header is enough).
 */
@Component
public class AudioProbe {

    private static final int MARK_LIMIT = 64 * 1024;
    private static final int BUFFERS_AHEAD = 4;

    private final Detector detector = MimeTypes.getDefaultMimeTypes();

    /** The audio in {@code content}, or a {@link NotAudioException}. */
    public Mono<AudioInfo> probe(Flux<DataBuffer> content) {
        return Mono.fromCallable(() -> {
            try (InputStream in = new BufferedInputStream(DataBufferUtils.subscriberInputStream(content,
                    BUFFERS_AHEAD), MARK_LIMIT)) {
                return measure(in);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    AudioInfo measure(InputStream in) throws IOException {
        String type = detector.detect(in, new Metadata()).getBaseType().toString();
        return switch (type) {
            case "audio/vnd.wave", "audio/wav", "audio/x-wav" -> sampled(in, "audio/wav");
            case "audio/x-aiff", "audio/aiff" -> sampled(in, "audio/aiff");
            case "audio/basic" -> sampled(in, "audio/basic");
            case "audio/mpeg" -> mpeg(in);
            default -> throw new NotAudioException("the file is not audio of a supported type (WAV, AIFF, AU, MP3)"
                    + ", its content looks like " + type);
        };
    }

    private static AudioInfo sampled(InputStream in, String contentType) throws IOException {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(in);
            long frames = format.getFrameLength();
            float rate = format.getFormat().getFrameRate();
            if (frames == AudioSystem.NOT_SPECIFIED || rate <= 0) {
                throw new NotAudioException("the audio file does not say how long it is");
            }
            return new AudioInfo(contentType, Math.round(frames * 1000.0 / rate));
        } catch (UnsupportedAudioFileException e) {
            throw new NotAudioException("the file is not a readable " + contentType + " file", e);
        }
    }

    private static AudioInfo mpeg(InputStream in) throws IOException {
        Metadata metadata = new Metadata();
        try {
            new Mp3Parser().parse(in, new DefaultHandler(), metadata, new ParseContext());
        } catch (SAXException | TikaException e) {
            throw new NotAudioException("the file is not a readable MP3 file", e);
        }
        String duration = metadata.get(XMPDM.DURATION);
        if (duration == null) {
            throw new NotAudioException("the MP3 file has no audio frames");
        }
        // Tika (2 and later) gives it in seconds
        return new AudioInfo("audio/mpeg", Math.round(Double.parseDouble(duration) * 1000));
    }
}
