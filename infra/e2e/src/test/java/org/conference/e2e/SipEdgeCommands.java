package org.conference.e2e;

import static org.awaitility.Awaitility.await;

import java.util.Map;

import org.conference.testsupport.PrometheusScrape;

/**
 * The commands the SIP edge applied, from its {@code edge_commands_total{type,outcome}} counter: a change made
 * through the API is in the audio only once the edge has applied its command (after Kafka and meeting-service).
 */
final class SipEdgeCommands {

    /** Command types of ARCHITECTURE.md section 6 (the telephony commands topic). */
    static final String MUTE = "mute";
    static final String RECORD_START = "record.start";
    static final String RECORD_STOP = "record.stop";

    private final String managementUrl;

    SipEdgeCommands(Platform platform) {
        this.managementUrl = platform.sipEdgeManagementUrl();
    }

    /** How many commands of {@code type} (e.g. {@code mute}) the edge has applied so far. */
    double applied(String type) {
        return PrometheusScrape.of(managementUrl).value("edge_commands_total",
                Map.of("type", type, "outcome", "applied"));
    }

    /** Waits until the edge has applied more commands of {@code type} than {@code before}. */
    void awaitApplied(String type, double before) {
        await("the SIP edge applies " + type).atMost(LiveRoom.WAIT).pollInterval(LiveRoom.POLL)
                .until(() -> applied(type) > before);
    }
}
