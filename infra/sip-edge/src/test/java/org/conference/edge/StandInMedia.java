package org.conference.edge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.conference.edge.media.AudioEvents;
import org.conference.edge.media.AudioOffer;
import org.conference.edge.media.CallAudio;
import org.conference.edge.media.Media;
import org.conference.edge.media.MediaCapacityException;
import org.conference.edge.media.RecordedAudio;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A recording stand-in for the audio engine: it tells which calls were opened with what offer, and what each call's
 * audio was told (in order), holds their {@link AudioEvents} so a test can press a key or time the RTP out, refuses
 * calls when told it is full, and "records" a meeting as a short WAV of silence. The RTP port it reports is a real
 * free UDP port, bound while the call is open.
 */
public class StandInMedia implements Media {

    private final Map<String, StandInAudio> calls = new ConcurrentHashMap<>();
    private final Map<String, Long> recording = new ConcurrentHashMap<>();
    private final Map<String, RecordedAudio> recorded = new ConcurrentHashMap<>();
    private final AtomicBoolean full = new AtomicBoolean();
    private final Path directory;

    StandInMedia() throws IOException {
        directory = Files.createTempDirectory("sip-edge-stand-in-");
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        StandInMedia standInMedia() throws IOException {
            return new StandInMedia();
        }
    }

    @Override
    public CallAudio open(String callId, AudioOffer offer, AudioEvents events) {
        if (full.get()) {
            throw new MediaCapacityException("the stand-in is told it is full");
        }
        StandInAudio audio = new StandInAudio(callId, offer, events);
        calls.put(callId, audio);
        return audio;
    }

    @Override
    public boolean startRecording(long meetingNumber, String recordingName) {
        return recording.putIfAbsent(recordingName, meetingNumber) == null;
    }

    @Override
    public Optional<RecordedAudio> stopRecording(String recordingName) {
        Long meeting = recording.remove(recordingName);
        if (meeting == null) {
            return Optional.empty();
        }
        Path file = directory.resolve(recordingName + ".wav");
        byte[] silence = new byte[1600];
        AudioFormat format = new AudioFormat(8000f, 16, 1, true, false);
        try (AudioInputStream audio = new AudioInputStream(new ByteArrayInputStream(silence), format, 800)) {
            AudioSystem.write(audio, AudioFileFormat.Type.WAVE, file.toFile());
            RecordedAudio done = new RecordedAudio(recordingName, meeting, file, 100, Files.size(file));
            recorded.put(recordingName, done);
            return Optional.of(done);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<RecordedAudio> recording(String recordingName) {
        return Optional.ofNullable(recorded.get(recordingName));
    }

    @Override
    public int openCalls() {
        return (int) calls.values().stream().filter(call -> !call.closed.get()).count();
    }

    /** The audio the edge opened for that edge call id. */
    public Optional<StandInAudio> call(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    /** Every call opened so far. */
    public List<StandInAudio> calls() {
        return List.copyOf(calls.values());
    }

    public void full(boolean isFull) {
        full.set(isFull);
    }

    /** What one call's audio was told, e.g. {@code join:273751}, {@code mute:true}, {@code held-by-phone:true}. */
    public static final class StandInAudio implements CallAudio {

        private final String callId;
        private final AudioOffer offer;
        private final AudioEvents events;
        private final DatagramSocket socket;
        private final List<String> told = new CopyOnWriteArrayList<>();
        private final AtomicBoolean closed = new AtomicBoolean();

        StandInAudio(String callId, AudioOffer offer, AudioEvents events) {
            this.callId = callId;
            this.offer = offer;
            this.events = events;
            try {
                this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            } catch (SocketException e) {
                throw new MediaCapacityException("no free UDP port: " + e.getMessage());
            }
        }

        public String callId() {
            return callId;
        }

        public AudioOffer offer() {
            return offer;
        }

        public AudioEvents events() {
            return events;
        }

        public List<String> told() {
            return List.copyOf(told);
        }

        public boolean closed() {
            return closed.get();
        }

        @Override
        public int localPort() {
            return socket.getLocalPort();
        }

        @Override
        public void phoneAt(InetSocketAddress phone) {
            told.add("phone-at:" + phone.getAddress().getHostAddress() + ":" + phone.getPort());
        }

        @Override
        public void heldByPhone(boolean held) {
            told.add("held-by-phone:" + held);
        }

        @Override
        public void join(long meetingNumber) {
            told.add("join:" + meetingNumber);
        }

        @Override
        public void leave() {
            told.add("leave");
        }

        @Override
        public void mute(boolean muted) {
            told.add("mute:" + muted);
        }

        @Override
        public void hold(boolean held) {
            told.add("hold:" + held);
        }

        @Override
        public void play(String prompt) {
            told.add("play:" + prompt);
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                told.add("close");
                socket.close();
            }
        }
    }
}
