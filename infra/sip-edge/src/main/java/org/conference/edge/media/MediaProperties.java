package org.conference.edge.media;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audio engine's settings, {@code conference.edge.media.*}.
 *
 * @param rtpHost the local address RTP sockets bind to
 * @param advertisedHost the address phones send RTP to (the SDP answer's {@code c=} line); the bind address when
 *     unset, which only serves when that is a concrete address
 * @param rtpPortMin first RTP port (even; RTP takes even ports, RFC 3550 §11)
 * @param rtpPortMax last RTP port that may be taken; the default range (1,000 even ports) holds max-calls
 * @param maxCalls calls open at most; {@code open} beyond it is shed with {@link MediaCapacityException}
 * @param rtpTimeout no packet from a phone for this long: the phone is gone
 * @param jitterDepth 20 ms frames a call's jitter buffer holds before playing out (adds this much latency)
 * @param recordingsDirectory where recordings are written and kept
 * @param recordingRetention how long a finished recording is kept for media-service to fetch
 */
@ConfigurationProperties("conference.edge.media")
public record MediaProperties(
        @DefaultValue("0.0.0.0") String rtpHost,
        String advertisedHost,
        @DefaultValue("40000") int rtpPortMin,
        @DefaultValue("41998") int rtpPortMax,
        @DefaultValue("1000") int maxCalls,
        @DefaultValue("30s") Duration rtpTimeout,
        @DefaultValue("3") int jitterDepth,
        Path recordingsDirectory,
        @DefaultValue("30m") Duration recordingRetention) {

    public MediaProperties {
        if (rtpPortMin < 1024 || rtpPortMax > 65534 || rtpPortMin > rtpPortMax) {
            throw new IllegalArgumentException(
                    "conference.edge.media.rtp-port-min/max must be a range within 1024..65534, was "
                            + rtpPortMin + ".." + rtpPortMax);
        }
        if (maxCalls < 1) {
            throw new IllegalArgumentException("conference.edge.media.max-calls must be positive, was " + maxCalls);
        }
        if (jitterDepth < 1 || jitterDepth > 32) {
            throw new IllegalArgumentException("conference.edge.media.jitter-depth must be 1..32, was " + jitterDepth);
        }
        if (rtpTimeout.isNegative() || rtpTimeout.isZero() || recordingRetention.isNegative()) {
            throw new IllegalArgumentException("conference.edge.media.rtp-timeout and recording-retention must be positive");
        }
        if (advertisedHost == null || advertisedHost.isBlank()) {
            advertisedHost = rtpHost;
        }
        if (recordingsDirectory == null) {
            recordingsDirectory = Path.of(System.getProperty("java.io.tmpdir"), "conference-edge-recordings");
        }
    }

    /** The defaults, with RTP on loopback and ports in {@code [min, max]}: for tests and the benchmark. */
    public static MediaProperties loopback(int rtpPortMin, int rtpPortMax, int maxCalls, Path recordingsDirectory) {
        return new MediaProperties("127.0.0.1", "127.0.0.1", rtpPortMin, rtpPortMax, maxCalls, Duration.ofSeconds(30),
                3, recordingsDirectory, Duration.ofMinutes(30));
    }

    public MediaProperties withRtpTimeout(Duration timeout) {
        return new MediaProperties(rtpHost, advertisedHost, rtpPortMin, rtpPortMax, maxCalls, timeout, jitterDepth,
                recordingsDirectory, recordingRetention);
    }

    public MediaProperties withRecordingRetention(Duration retention) {
        return new MediaProperties(rtpHost, advertisedHost, rtpPortMin, rtpPortMax, maxCalls, rtpTimeout, jitterDepth,
                recordingsDirectory, retention);
    }
}
