package org.conference.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import javax.sip.message.Request;

import org.conference.common.events.TelephonyCommand;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/** record.start / record.stop record a meeting's mix; recording.completed names where media-service fetches it. */
class RecordingsTest extends SipEdgeIntegrationTest {

    @Test
    void recordStopPublishesRecordingCompletedWhoseLocationServesTheWav() throws Exception {
        String host = answeredCall(phone.invite(did(), TestPhone.usualOffer(43000, "sendrecv")));
        String name = "meeting-555001-" + UUID.randomUUID();
        topics.command(host, TelephonyCommand.JOIN, "555001");
        topics.command(host, TelephonyCommand.RECORD_START, name);
        topics.command(host, TelephonyCommand.RECORD_STOP, name);

        JsonNode completed = awaitEvents(host, 2).get(1);
        assertThat(completed.get("type").asString()).isEqualTo("recording.completed");
        assertThat(completed.get("recordingName").asString()).isEqualTo(name);
        assertThat(completed.get("recordingLocation").asString())
                .isEqualTo("http://edge.example:8096/edge/v1/recordings/" + name);

        byte[] wav = http.get().uri("/edge/v1/recordings/{name}", name).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.parseMediaType("audio/wav"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(wav).isEqualTo(Files.readAllBytes(media.recording(name).orElseThrow().file()));
        assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
    }

    @Test
    void aCallThatHangsUpCarryingARecordingStopsItAndPublishesIt() throws Exception {
        TestPhone.Call call = phone.invite(did(), TestPhone.usualOffer(43002, "sendrecv"));
        String id = answeredCall(call);
        String name = "meeting-555002-" + UUID.randomUUID();
        topics.command(id, TelephonyCommand.JOIN, "555002");
        topics.command(id, TelephonyCommand.RECORD_START, name);
        await().atMost(PATIENCE).until(() -> audioOf(id).told().contains("join:555002"));
        topics.command(id, TelephonyCommand.PLAY, "entry-tone");
        await().atMost(PATIENCE).until(() -> audioOf(id).told().contains("play:entry-tone"));

        call.inDialog(Request.BYE, null, null);

        List<String> types = await().atMost(PATIENCE).until(() -> events.eventsFor(id).stream()
                .map(event -> event.get("type").asString()).toList(), found -> found.size() >= 3);
        assertThat(types).containsExactly("call.offered", "call.hungup", "recording.completed");
        http.get().uri("/edge/v1/recordings/{name}", name).exchange().expectStatus().isOk();
    }

    @Test
    void aRecordingTheEdgeDoesNotHaveIs404InTheApiFormat() {
        http.get().uri("/edge/v1/recordings/{name}", "never-recorded").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").isEqualTo("no item error");
    }
}
