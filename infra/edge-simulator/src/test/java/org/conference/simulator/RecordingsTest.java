package org.conference.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.conference.common.events.TelephonyCommand;
import org.conference.common.events.Topics;
import org.conference.testsupport.telephony.TelephonyTopics;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/** record.start / record.stop record a meeting's mix into a real WAV, announced by recording.completed (§6). */
class RecordingsTest extends SimulatorIntegrationTest {

    @Test
    void aRecordedMeetingYieldsATelephoneWavExactlyAsLongAsTheRecording() throws Exception {
        try (var events = topics.read(Topics.TELEPHONY_EVENTS)) {
            String host = placeCall("15162065318").get("id").asString();
            String guest = placeCall("15162065318").get("id").asString();
            String elsewhere = placeCall("15162065318").get("id").asString();
            topics.command(host, TelephonyCommand.JOIN, "555001");
            topics.command(guest, TelephonyCommand.JOIN, "555001");
            awaitReceived(elsewhere, topics.command(elsewhere, TelephonyCommand.JOIN, "555002").id());
            String name = "rec-" + UUID.randomUUID();

            TelephonyTopics.Command start = topics.command(host, TelephonyCommand.RECORD_START, name);
            JsonNode recordingHost = awaitReceived(host, start.id());
            assertThat(recordingHost.get("recording").asBoolean()).isTrue();
            assertThat(call(guest).get("recording").asBoolean()).as("the meeting's mix is recorded").isTrue();
            assertThat(call(elsewhere).get("recording").asBoolean()).isFalse();
            long startedAt = receivedAt(recordingHost, start.id());
            // Let the recording run for two seconds: the test measures that length back from the WAV.
            await().atMost(PATIENCE).until(() -> System.currentTimeMillis() - startedAt >= 2000);
            TelephonyTopics.Command stop = topics.command(host, TelephonyCommand.RECORD_STOP, name);
            JsonNode stopped = awaitReceived(host, stop.id());
            assertThat(stopped.get("recording").asBoolean()).isFalse();
            assertThat(call(guest).get("recording").asBoolean()).isFalse();

            JsonNode completed = await().atMost(PATIENCE).until(() -> events.eventsFor(host).stream()
                    .filter(event -> event.get("type").asString().equals("recording.completed")).toList(),
                    found -> !found.isEmpty()).get(0);
            assertThat(completed.get("recordingName").asString()).isEqualTo(name);
            assertThat(completed.get("recordingLocation").asString())
                    .isEqualTo("http://127.0.0.1:8095/simulator/v1/recordings/" + name);
            assertThat(completed.get("callId").asString()).isEqualTo(host);

            long recordedMillis = receivedAt(stopped, stop.id()) - receivedAt(stopped, start.id());
            assertThat(recordedMillis).isBetween(1900L, 30_000L);
            AudioInputStream wav = download(name);
            AudioFormat format = wav.getFormat();
            assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
            assertThat(format.getSampleRate()).isEqualTo(8000f);
            assertThat(format.getChannels()).isEqualTo(1);
            assertThat(format.getSampleSizeInBits()).isEqualTo(16);
            assertThat(format.isBigEndian()).isFalse();
            double seconds = wav.getFrameLength() / format.getFrameRate();
            assertThat(seconds).isCloseTo(recordedMillis / 1000.0, within(recordedMillis / 1000.0 * 0.01));
            assertThat(toneFrequency(wav)).as("a 400 Hz tone, not silence").isCloseTo(400.0, within(4.0));
        }
    }

    @Test
    void aCallThatEndsWhileCarryingARecordingStopsItAndPublishesIt() throws Exception {
        try (var events = topics.read(Topics.TELEPHONY_EVENTS)) {
            String id = placeCall("15162065318").get("id").asString();
            String name = "rec-" + UUID.randomUUID();
            awaitReceived(id, topics.command(id, TelephonyCommand.RECORD_START, name).id());

            http.delete().uri("/calls/{id}", id).exchange().expectStatus().isNoContent();

            List<String> types = await().atMost(PATIENCE).until(() -> events.eventsFor(id).stream()
                    .map(event -> event.get("type").asString()).toList(), found -> found.size() >= 3);
            assertThat(types).containsExactlyInAnyOrder("call.offered", "call.hungup", "recording.completed");
            AudioInputStream wav = download(name);
            JsonNode ended = call(id);
            long recordedMillis = ended.get("ended").asLong() - ended.get("commands").get(0).get("receivedAt").asLong();
            assertThat(wav.getFrameLength()).isEqualTo(recordedMillis * 8);
            assertThat(ended.get("recording").asBoolean()).isFalse();
        }
    }

    @Test
    void stoppingARecordingThatDoesNotRunChangesNothing() {
        String id = placeCall("15162065318").get("id").asString();
        String name = "rec-" + UUID.randomUUID();

        awaitReceived(id, topics.command(id, TelephonyCommand.RECORD_STOP, name).id());

        assertThat(call(id).get("state").asString()).isEqualTo("answered");
        http.get().uri("/recordings/{name}", name).exchange().expectStatus().isNotFound();
    }

    private AudioInputStream download(String name) throws Exception {
        byte[] wav = await().atMost(PATIENCE).until(() -> http.get().uri("/recordings/{name}", name).exchange()
                .returnResult(byte[].class), result -> result.getStatus().is2xxSuccessful())
                .getResponseBodyContent();
        var response = http.get().uri("/recordings/{name}", name).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.parseMediaType("audio/wav"))
                .expectBody(byte[].class).returnResult();
        assertThat(response.getResponseBody()).isEqualTo(wav);
        return AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav));
    }

    private static long receivedAt(JsonNode call, String commandId) {
        for (JsonNode command : call.get("commands")) {
            if (command.get("id").asString().equals(commandId)) {
                return command.get("receivedAt").asLong();
            }
        }
        throw new AssertionError("command " + commandId + " not received");
    }

    /** The tone's pitch from its zero crossings (two per period), over the first second. */
    private static double toneFrequency(AudioInputStream wav) throws Exception {
        byte[] second = wav.readNBytes(16000);
        int crossings = 0;
        short previous = 0;
        for (int i = 0; i + 1 < second.length; i += 2) {
            short sample = (short) ((second[i] & 0xff) | (second[i + 1] << 8));
            if (i > 0 && (previous < 0) != (sample < 0)) {
                crossings++;
            }
            previous = sample;
        }
        return crossings / 2.0 * (16000.0 / second.length);
    }
}
