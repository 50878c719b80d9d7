package org.conference.edge.media.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.conference.edge.media.RecordedAudio;
import java.util.concurrent.Executor;
import org.conference.edge.media.codec.Frames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A recording being written. The mixer's clock thread hands it each 20 ms of the meeting's mix; the file is written on
 * the recorder's own thread, so a slow disk never delays a frame. After {@link Recordings#stop} nothing more is written,
 * even a frame the clock handed over in the same instant.
 */
public final class ActiveRecording {

    private static final Logger log = LoggerFactory.getLogger(ActiveRecording.class);

    private final String name;
    private final long meetingNumber;
    private final Path file;
    private final WavFile wav;
    private final Executor writer;
    // written and read on the writer thread only
    private boolean finished;
    private boolean failed;

    ActiveRecording(String name, long meetingNumber, Path file, WavFile wav, Executor writer) {
        this.name = name;
        this.meetingNumber = meetingNumber;
        this.file = file;
        this.wav = wav;
        this.writer = writer;
    }

    public String name() {
        return name;
    }

    public long meetingNumber() {
        return meetingNumber;
    }

    /**
     * Appends one frame of the mix, clipped to 16 bits. The one allocation per frame of the media path, and only
     * while a meeting records: the frame must outlive the tick that made it.
     */
    public void append(int[] mix) {
        ByteBuffer frame = ByteBuffer.allocate(Frames.SAMPLES * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < Frames.SAMPLES; i++) {
            frame.putShort(Frames.clip(mix[i]));
        }
        frame.flip();
        writer.execute(() -> write(frame));
    }

    private void write(ByteBuffer frame) {
        if (finished || failed) {
            return;
        }
        try {
            wav.append(frame);
        } catch (IOException e) {
            failed = true;
            log.error("recording {} could not be written to {}; it stops here", name, file, e);
        }
    }

    /** On the writer thread, after every frame handed over before it. */
    RecordedAudio finish() throws IOException {
        finished = true;
        long samples = wav.samples();
        long size = wav.finish();
        return new RecordedAudio(name, meetingNumber, file,
                samples * 1000 / Frames.SAMPLE_RATE, size);
    }
}
