package org.conference.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.conference.e2e.WebhookReceiver.Webhook;
import org.conference.e2e.WholePlatformEndToEndTest.Room;

/** The owner's files as the owner sees them: the meeting's recording, and a WAV of its own going up and down. */
final class RecordingCheck {

    /** How far a WAV's length may be from the span between the meeting's recording events (Kafka hops between). */
    private static final long RECORDING_TOLERANCE_MILLIS = 3000;

    private RecordingCheck() {
    }

    /**
     * {@code recording.available} arrived as a webhook; the file it names is listed among the owner's files and its
     * download is a WAV of the stated duration, as long as the recording lasted between its events.
     */
    @SuppressWarnings("unchecked")
    static void theRecordingIsAFileOfTheOwner(JsonHttp api, WebhookReceiver receiver, Room room, WebhookStory story,
            Duration atMost) {
        Map<String, Object> file = fileOf(awaitAccepted(receiver, atMost, "recording.available of "
                + room.meetingNumber(), event -> "recording.available".equals(event.get("type"))
                && Long.valueOf(room.meetingNumber()).equals(number(event.get("meetingNumber")))));
        String name = (String) file.get("name");
        assertThat(name).startsWith("meeting-" + room.meetingNumber() + "-").endsWith(".wav");

        List<Map<String, Object>> listed = (List<Map<String, Object>>) api.get("/subscribers/" + room.ownerSid()
                + "/files?limit=100").object(200).get("fileDescriptors");
        Map<String, Object> descriptor = listed.stream().filter(listedFile -> name.equals(listedFile.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not listed: " + listed));
        assertThat(descriptor).containsEntry("size", file.get("size")).containsEntry("duration", file.get("duration"));

        JsonHttp.Download download = api.download((String) descriptor.get("url")).expect(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("audio/wav"));
        assertThat((long) download.body().length).isEqualTo(number(descriptor.get("size")));
        long duration = number(descriptor.get("duration"));
        assertThat(Wav.durationMillis(download.body())).isCloseTo(duration, within(20L));
        long recorded = number(story.published("recording.stopped").get("occurredAt"))
                - number(story.published("recording.started").get("occurredAt"));
        assertThat(duration).as("the recording's duration against its events' span of %d ms", recorded)
                .isCloseTo(recorded, within(RECORDING_TOLERANCE_MILLIS));
    }

    /**
     * The meeting's recording once media-service has fetched it from the edge: listed among the owner's files as
     * {@code meeting-<n>-...wav}, and its download, a WAV of the listed size.
     */
    @SuppressWarnings("unchecked")
    static byte[] downloadedRecording(JsonHttp api, String ownerSid, long meetingNumber, Duration atMost) {
        AtomicReference<Map<String, Object>> found = new AtomicReference<>();
        await("the recording of meeting " + meetingNumber + " among the owner's files").atMost(atMost)
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    List<Map<String, Object>> listed = (List<Map<String, Object>>) api.get("/subscribers/" + ownerSid
                            + "/files?limit=100").object(200).get("fileDescriptors");
                    listed.stream().filter(file -> file.get("name") instanceof String name
                            && name.startsWith("meeting-" + meetingNumber + "-") && name.endsWith(".wav"))
                            .findFirst().ifPresent(found::set);
                    return found.get() != null;
                });
        JsonHttp.Download download = api.download((String) found.get().get("url")).expect(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("audio/wav"));
        assertThat((long) download.body().length).isEqualTo(number(found.get().get("size")));
        return download.body();
    }

    /** A generated WAV uploaded through the gateway is listed, comes back with the same SHA-256, and is announced. */
    static void anUploadedWavComesBackByteForByte(JsonHttp api, WebhookReceiver receiver, Room room, Duration atMost) {
        byte[] wav = Wav.tone(2000);
        String name = "greeting-" + room.run() + ".wav";
        Map<String, Object> descriptor = api.upload("/subscribers/" + room.ownerSid() + "/files", name, "audio/wav",
                wav).object(200);
        assertThat(descriptor).containsEntry("name", name).containsEntry("size", wav.length)
                .containsEntry("duration", 2000);
        JsonHttp.Download download = api.download((String) descriptor.get("url")).expect(200);
        assertThat(Wav.sha256(download.body())).isEqualTo(Wav.sha256(wav));
        Map<String, Object> stored = fileOf(awaitAccepted(receiver, atMost, "file.stored of " + name,
                event -> "file.stored".equals(event.get("type")) && event.get("file") instanceof Map<?, ?> file
                        && name.equals(file.get("name"))));
        assertThat(stored).containsEntry("size", wav.length);
    }

    private static Map<String, Object> awaitAccepted(WebhookReceiver receiver, Duration atMost, String what,
            Predicate<Map<String, Object>> wanted) {
        AtomicReference<Map<String, Object>> found = new AtomicReference<>();
        await(what + " accepted as a webhook").atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            receiver.received().stream().filter(Webhook::accepted).map(Webhook::event).filter(wanted).findFirst()
                    .ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fileOf(Map<String, Object> event) {
        return (Map<String, Object>) event.get("file");
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
