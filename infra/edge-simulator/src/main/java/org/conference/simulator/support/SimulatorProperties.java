package org.conference.simulator.support;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The simulator's settings ({@code conference.simulator.*}).
 *
 * @param publicBaseUrl where media-service reaches this simulator: the base of every {@code recordingLocation}
 * @param endedRetention how long an ended call (and a finished recording) stays readable before it is forgotten
 * @param maxCalls how many calls, live or ended, the simulator holds at once; more are refused with 503
 * @param nodeName the {@code nodeName} of a call placed without one, also the host of its default {@code addressTo}
 * @param bridgeName the {@code bridgeName} of a call placed without one
 * @param codec the {@code codec} of a call placed without one
 */
@ConfigurationProperties("conference.simulator")
public record SimulatorProperties(
        @DefaultValue("http://127.0.0.1:8095") URI publicBaseUrl,
        @DefaultValue("10m") Duration endedRetention,
        @DefaultValue("20000") int maxCalls,
        @DefaultValue("127.0.0.1") String nodeName,
        @DefaultValue("SIM-BRIDGE-1") String bridgeName,
        @DefaultValue("PCMU") String codec,
        @DefaultValue Recordings recordings) {

    /**
     * @param directory where this run keeps its WAV files: a fresh sub-directory of it, removed at shutdown; the
     *     system's temporary directory when unset
     * @param maxDuration the longest WAV written: a longer recording is cut to it (keeps one file bounded)
     * @param maxTotalSize what all kept WAV files may take on disk together; the oldest are dropped beyond it
     * @param maxActive how many recordings may run at once; further {@code record.start} commands are ignored
     */
    public record Recordings(
            Path directory,
            @DefaultValue("1h") Duration maxDuration,
            @DefaultValue("1GB") DataSize maxTotalSize,
            @DefaultValue("100") int maxActive) {
    }
}
