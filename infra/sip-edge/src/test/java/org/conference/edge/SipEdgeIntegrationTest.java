package org.conference.edge;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.conference.common.events.Topics;
import org.conference.edge.calls.CallRegistry;
import org.conference.edge.calls.EdgeCall;
import org.conference.testsupport.WithBackingServices;
import org.conference.testsupport.processes.FreePorts;
import org.conference.testsupport.telephony.TelephonyTopics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The edge started against a real Kafka broker with the stand-in media, a SIP phone on loopback and the platform's
 * side of the telephony topics. Subclasses share one application (and its SIP port).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // a ring before the answer, so that a phone can CANCEL an INVITE the edge has not answered yet
        "conference.edge.sip.ring-time=1s",
        "conference.edge.node-name=10.2.114.15",
        "conference.edge.bridge-name=TEST-BRIDGE",
        "conference.edge.public-base-url=http://edge.example:8096"})
@WithBackingServices
@Import(StandInMedia.Config.class)
abstract class SipEdgeIntegrationTest {

    static final Duration PATIENCE = TestPhone.PATIENCE;
    private static final int SIP_PORT = FreePorts.next();

    @DynamicPropertySource
    static void sipPort(DynamicPropertyRegistry registry) {
        registry.add("conference.edge.sip.port", () -> SIP_PORT);
    }

    @LocalServerPort
    protected int port;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Value("${spring.kafka.consumer.group-id}")
    private String consumerGroup;

    @Value("${conference.kafka.partitions}")
    private int partitions;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    protected StandInMedia media;

    @Autowired
    private CallRegistry registry;

    protected TestPhone phone;
    protected TelephonyTopics topics;
    protected TelephonyTopics.Reader events;
    protected WebTestClient http;

    @BeforeEach
    void connect() throws Exception {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        topics = new TelephonyTopics(bootstrapServers);
        events = topics.read(Topics.TELEPHONY_EVENTS);
        phone = new TestPhone(SIP_PORT);
        awaitCommandsListening();
    }

    @AfterEach
    void disconnect() {
        phone.close();
        events.close();
        topics.close();
    }

    /** The edge reads commands from the latest offset: wait until its consumer has committed a position. */
    private void awaitCommandsListening() throws Exception {
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("telephony-commands"), partitions);
        topics.awaitCommandsPosition(consumerGroup, partitions, PATIENCE);
    }

    /** A call placed with the usual offer, answered and acknowledged; answers the edge call id. */
    protected String answeredCall(TestPhone.Call call) throws Exception {
        call.answered();
        return offeredCallId(call);
    }

    /** The edge call id of a live call this phone placed (matched by its SIP Call-ID). */
    protected String offeredCallId(TestPhone.Call call) {
        return await().atMost(PATIENCE).until(() -> registry.liveBySipCallId(call.sipCallId).map(EdgeCall::id),
                Optional::isPresent).get();
    }

    /** The {@code call.offered} of the call to {@code did} (each test dials a DID of its own). */
    protected JsonNode offeredTo(String did) {
        return await().atMost(PATIENCE).until(() -> events.records(record -> true).stream()
                .map(record -> topics.json().readTree(record.value()))
                .filter(event -> event.get("type").asString().equals("call.offered"))
                .filter(event -> event.get("to").asString().equals(did)).findFirst(), Optional::isPresent).get();
    }

    /** The edge's SIP port (UDP and TCP). */
    protected static int sipPort() {
        return SIP_PORT;
    }

    /** A DID of the test's own. */
    protected static String did() {
        return "1516" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
    }

    /** The events of one edge call, waiting until there are at least {@code count}. */
    protected List<JsonNode> awaitEvents(String callId, int count) {
        return await().atMost(PATIENCE).until(() -> events.eventsFor(callId), found -> found.size() >= count);
    }

    protected StandInMedia.StandInAudio audioOf(String callId) {
        return media.call(callId).orElseThrow();
    }
}
