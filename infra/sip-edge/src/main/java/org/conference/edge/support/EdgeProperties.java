package org.conference.edge.support;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The edge's settings ({@code conference.edge.*}); the media engine has settings of its own.
 *
 * @param publicBaseUrl where media-service reaches this edge: the base of every {@code recordingLocation}
 * @param endedRetention how long an ended call stays known (commands for it are then told apart from unknown ones)
 * @param nodeName the {@code nodeName} of every call, also the host of its {@code addressTo}; the advertised SIP host
 *     when unset
 * @param bridgeName the {@code bridgeName} of every call
 */
@ConfigurationProperties("conference.edge")
public record EdgeProperties(
        @DefaultValue("http://127.0.0.1:8096") URI publicBaseUrl,
        @DefaultValue("10m") Duration endedRetention,
        String nodeName,
        @DefaultValue("SIP-BRIDGE-1") String bridgeName,
        @DefaultValue Sip sip) {

    public EdgeProperties {
        if (nodeName == null || nodeName.isBlank()) {
            nodeName = sip.advertisedHost();
        }
    }

    /**
     * @param port the SIP port, UDP and TCP alike
     * @param host the address the SIP sockets bind to ({@code 0.0.0.0} for every interface)
     * @param advertisedHost the address phones reach the edge at (Contact, Via); the bind address when unset, or
     *     127.0.0.1 when that is the wildcard
     * @param mediaAddress the address of the SDP answers' {@code c=} line; the advertised host when unset
     * @param retryAfter what a 503 at capacity tells the phone to wait before it tries again
     * @param ringTime how long the phone hears ringing (180) before the edge answers; 0 answers as soon as the
     *     platform knows of the call
     */
    public record Sip(
            @DefaultValue("5060") int port,
            @DefaultValue("127.0.0.1") String host,
            String advertisedHost,
            String mediaAddress,
            @DefaultValue("30s") Duration retryAfter,
            @DefaultValue("0s") Duration ringTime) {

        public Sip {
            if (advertisedHost == null || advertisedHost.isBlank()) {
                advertisedHost = "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
            }
            if (mediaAddress == null || mediaAddress.isBlank()) {
                mediaAddress = advertisedHost;
            }
        }
    }
}
