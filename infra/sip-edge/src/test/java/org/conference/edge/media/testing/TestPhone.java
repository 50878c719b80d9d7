package org.conference.edge.media.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.conference.edge.media.AudioOffer;
import org.conference.edge.media.Codec;
import org.conference.edge.media.codec.G711;
import org.conference.edge.media.rtp.Rtp;
import org.conference.edge.media.rtp.RtpHeader;

/**
 * A phone on loopback for the engine's tests: real UDP, sends a 20 ms G.711 frame of its signal every 20 ms to the
 * engine's port once {@link #talkTo} is called, and keeps everything it hears (decoded), with the RTP headers' facts.
 */
public final class TestPhone implements AutoCloseable {

    public static final int TELEPHONE_EVENT = 101;

    private final DatagramChannel channel;
    private final Codec codec;
    private final G711 law;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
    private final RtpHeader sending = new RtpHeader();
    private volatile IntUnaryOperator signal = sample -> 0;
    private volatile boolean talking;
    private volatile InetSocketAddress edge;
    private int sampleClock;
    private short[] heard = new short[8000 * 30];
    private int heardCount;
    private int packets;
    private int markers;
    private long lastSsrc = -1;
    private int ssrcChanges;
    private int sequenceGaps;
    private int lastSequence = -1;
    private long lastTimestamp = -1;
    private int timestampSteps160;
    private int wrongPayloadTypes;

    public TestPhone(Codec codec) {
        this.codec = codec;
        this.law = G711.of(codec);
        try {
            channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sending.payloadType = codec.staticPayloadType();
        sending.ssrc = 0x1234_5678L;
        sending.sequence = 65_500; // wraps within the first second
        sending.timestamp = 4_294_960_000L;
        Thread listener = new Thread(this::listen, "test-phone-listener");
        listener.setDaemon(true);
        listener.start();
    }

    public static TestPhone pcmu() {
        return new TestPhone(Codec.PCMU);
    }

    public AudioOffer offer() {
        return new AudioOffer(address(), codec, codec.staticPayloadType(), TELEPHONE_EVENT);
    }

    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a sine of {@code hertz} at {@code amplitude} to the engine's {@code port} every 20 ms from now on. */
    public TestPhone talkTo(int port, double hertz, double amplitude) {
        return talkTo(port, n -> (int) Math.round(amplitude * Math.sin(2 * Math.PI * hertz * n / 8000)));
    }

    public TestPhone talkTo(int port, IntUnaryOperator signalAtSample) {
        signal = signalAtSample;
        edge = new InetSocketAddress("127.0.0.1", port);
        if (!talking) {
            talking = true;
            sender.scheduleAtFixedRate(this::sendFrame, 0, 20, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    public void stopTalking() {
        talking = false;
    }

    /** Sends a raw datagram to the engine's port (for malformed packets). */
    public void sendRaw(int port, byte[] datagram) {
        try {
            channel.send(ByteBuffer.wrap(datagram), new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An RTP packet of this phone's stream (next sequence number) with {@code payload}. */
    public synchronized byte[] packet(int payloadType, long timestamp, boolean marker, byte[] payload) {
        RtpHeader header = new RtpHeader();
        header.payloadType = payloadType;
        header.sequence = sending.sequence;
        sending.sequence = (sending.sequence + 1) & 0xFFFF;
        header.timestamp = timestamp;
        header.ssrc = sending.ssrc;
        header.marker = marker;
        byte[] out = new byte[Rtp.FIXED_HEADER + payload.length];
        Rtp.write(header, payload, payload.length, 0, out);
        return out;
    }

    private void sendFrame() {
        if (!talking) {
            return;
        }
        byte[] payload = new byte[160];
        synchronized (this) {
            for (int i = 0; i < 160; i++) {
                payload[i] = law.encode(signal.applyAsInt(sampleClock++));
            }
        }
        byte[] datagram = packet(codec.staticPayloadType(), sending.timestamp, false, payload);
        sending.timestamp = (sending.timestamp + 160) & 0xFFFF_FFFFL;
        try {
            channel.send(ByteBuffer.wrap(datagram), edge);
        } catch (IOException e) {
            // the engine closed; the test will notice by what it hears
        }
    }

    private void listen() {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        RtpHeader header = new RtpHeader();
        while (channel.isOpen()) {
            buffer.clear();
            try {
                channel.receive(buffer);
            } catch (IOException e) {
                return;
            }
            if (Rtp.parse(buffer.array(), buffer.position(), header) == null) {
                heard(header, buffer.array());
            }
        }
    }

    private synchronized void heard(RtpHeader header, byte[] data) {
        packets++;
        if (header.marker) {
            markers++;
        }
        if (header.payloadType != codec.staticPayloadType()) {
            wrongPayloadTypes++;
        }
        if (header.ssrc != lastSsrc) {
            ssrcChanges++;
            lastSsrc = header.ssrc;
        } else {
            if (header.sequence != ((lastSequence + 1) & 0xFFFF)) {
                sequenceGaps++;
            }
            if (header.timestamp == ((lastTimestamp + 160) & 0xFFFF_FFFFL)) {
                timestampSteps160++;
            }
        }
        lastSequence = header.sequence;
        lastTimestamp = header.timestamp;
        if (heardCount + header.payloadLength > heard.length) {
            heard = Arrays.copyOf(heard, heard.length * 2);
        }
        for (int i = 0; i < header.payloadLength; i++) {
            heard[heardCount++] = law.decode(data[header.payloadOffset + i]);
        }
    }

    /** How many samples it has heard so far: a mark to measure from. */
    public synchronized int heardSamples() {
        return heardCount;
    }

    public synchronized int packetsHeard() {
        return packets;
    }

    /** The samples heard in {@code [from, to)}. */
    public synchronized short[] heard(int from, int to) {
        return Arrays.copyOfRange(heard, from, to);
    }

    public synchronized int markers() {
        return markers;
    }

    public synchronized int ssrcChanges() {
        return ssrcChanges;
    }

    public synchronized int sequenceGaps() {
        return sequenceGaps;
    }

    public synchronized int timestampSteps160() {
        return timestampSteps160;
    }

    public synchronized int wrongPayloadTypes() {
        return wrongPayloadTypes;
    }

    @Override
    public void close() {
        talking = false;
        sender.shutdownNow();
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
