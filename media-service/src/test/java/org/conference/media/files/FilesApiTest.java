package org.conference.media.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.conference.media.support.AudioFixtures;
import org.conference.media.support.MediaApiTestSupport;
import org.conference.testsupport.TestIdentities;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;

/** The File Descriptor endpoints of the reference, as a client sees them. */
class FilesApiTest extends MediaApiTestSupport {

    @Test
    void uploadsListsDownloadsAndDeletesAFileByteForByte() {
        Caller owner = subscriber(3);
        byte[] wav = AudioFixtures.wav(2_000);

        Map<?, ?> descriptor = uploaded(owner, "greeting.wav", wav);
        assertThat(descriptor.get("name")).isEqualTo("greeting.wav");
        assertThat(((Number) descriptor.get("size")).longValue()).isEqualTo(wav.length);
        assertThat(((Number) descriptor.get("duration")).doubleValue()).isCloseTo(2_000, within(20.0));
        assertThat(descriptor.get("url")).isEqualTo("/storage/subscribers/" + owner.sid() + "/greeting.wav");

        get(owner, BASE + "/subscribers/{sid}/files", owner.sid()).expectStatus().isOk().expectBody()
                .jsonPath("$.fileDescriptors[0].name").isEqualTo("greeting.wav")
                .jsonPath("$.fileDescriptors[0].size").isEqualTo(wav.length)
                .jsonPath("$.offset").isEqualTo(0)
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.last").isEqualTo(0);
        assertThat(download(owner, owner.sid(), "greeting.wav")).isEqualTo(wav);

        http.delete().uri(BASE + "/subscribers/{sid}/files/{name}", owner.sid(), "greeting.wav")
                .header(TestIdentities.HEADER, owner.token()).exchange().expectStatus().isNoContent();
        assertThat(listedNames(owner, owner.sid())).isEmpty();
        get(owner, "/storage/subscribers/{sid}/{name}", owner.sid(), "greeting.wav").expectStatus().isNotFound();
        assertThat(storedContents(owner.sid())).isZero();
        http.delete().uri(BASE + "/subscribers/{sid}/files/{name}", owner.sid(), "greeting.wav")
                .header(TestIdentities.HEADER, owner.token()).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("cannot find file greeting.wav");
    }

    @Test
    void measuresAnMp3AndServesItAsAudioMpeg() {
        Caller owner = subscriber(3);
        byte[] mp3 = AudioFixtures.mp3(300);
        Map<?, ?> descriptor = uploaded(owner, "music.mp3", mp3);
        double truth = AudioFixtures.mp3Millis(300);
        assertThat(((Number) descriptor.get("duration")).doubleValue()).isCloseTo(truth, within(truth / 100));
        get(owner, "/storage/subscribers/{sid}/{name}", owner.sid(), "music.mp3").expectStatus().isOk()
                .expectHeader().contentType("audio/mpeg")
                .expectBody(byte[].class).isEqualTo(mp3);
    }

    @Test
    void pagesTheListWithTheReferenceEnvelope() {
        Caller owner = subscriber(3);
        for (String name : List.of("a.wav", "b.wav", "c.wav")) {
            uploaded(owner, name, AudioFixtures.wav(100));
        }
        get(owner, BASE + "/subscribers/{sid}/files?limit=2&offset=1", owner.sid()).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.fileDescriptors.length()").isEqualTo(2)
                .jsonPath("$.fileDescriptors[0].name").isEqualTo("b.wav")
                .jsonPath("$.fileDescriptors[1].name").isEqualTo("c.wav")
                .jsonPath("$.offset").isEqualTo(1)
                .jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.last").isEqualTo(2);
        get(owner, BASE + "/subscribers/{sid}/files?filter=name eq 'c.wav'&include_fields=name", owner.sid())
                .expectStatus().isOk().expectBody()
                .jsonPath("$.fileDescriptors.length()").isEqualTo(1)
                .jsonPath("$.fileDescriptors[0].name").isEqualTo("c.wav")
                .jsonPath("$.fileDescriptors[0].size").doesNotExist();
    }

    @Test
    void replacesAFileOfTheSameNameAndFreesTheOldContent() {
        Caller owner = subscriber(3);
        uploaded(owner, "prompt.wav", AudioFixtures.wav(500));
        String firstTag = get(owner, "/storage/subscribers/{sid}/{name}", owner.sid(), "prompt.wav")
                .expectStatus().isOk().returnResult(byte[].class).getResponseHeaders().getETag();
        byte[] second = AudioFixtures.wav(900);

        Map<?, ?> replaced = uploaded(owner, "prompt.wav", second);

        assertThat(((Number) replaced.get("size")).longValue()).isEqualTo(second.length);
        assertThat(download(owner, owner.sid(), "prompt.wav")).isEqualTo(second);
        assertThat(listedNames(owner, owner.sid())).containsExactly("prompt.wav");
        assertThat(storedContents(owner.sid())).isEqualTo(1);
        get(owner, "/storage/subscribers/{sid}/{name}", owner.sid(), "prompt.wav").expectStatus().isOk()
                .expectHeader().value("ETag", tag -> assertThat(tag).isNotEqualTo(firstTag));
    }

    @Test
    void keepsServingTheOldContentWhileItsReplacementIsStillArriving() throws Exception {
        Caller owner = subscriber(3);
        byte[] first = AudioFixtures.wav(300);
        // more than one GridFS chunk (255 KiB) in its first half
        byte[] second = AudioFixtures.wav(60_000);
        uploaded(owner, "hold.wav", first);
        reactor.core.publisher.Sinks.Many<org.springframework.core.io.buffer.DataBuffer> arriving =
                reactor.core.publisher.Sinks.many().unicast().onBackpressureBuffer();
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.asyncPart("file", arriving.asFlux(), org.springframework.core.io.buffer.DataBuffer.class)
                .filename("hold.wav").contentType(MediaType.APPLICATION_OCTET_STREAM);
        java.util.concurrent.CompletableFuture<Map<?, ?>> replacing = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> http.post().uri(BASE + "/subscribers/{sid}/files", owner.sid())
                        .header(TestIdentities.HEADER, owner.token()).contentType(MediaType.MULTIPART_FORM_DATA)
                        .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(body.build()))
                        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
        int half = second.length / 2;
        try {
            arriving.tryEmitNext(org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance
                    .wrap(java.util.Arrays.copyOfRange(second, 0, half)));
            // half of the new content is in GridFS already, and every reader still gets the old file
            org.awaitility.Awaitility.await("the new content's first chunk stored").atMost(Duration.ofSeconds(30))
                    .until(() -> !chunksWithoutFiles().isEmpty());
            assertThat(download(owner, owner.sid(), "hold.wav")).isEqualTo(first);
            get(owner, BASE + "/subscribers/{sid}/files", owner.sid()).expectBody()
                    .jsonPath("$.fileDescriptors[0].size").isEqualTo(first.length);

            arriving.tryEmitNext(org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance
                    .wrap(java.util.Arrays.copyOfRange(second, half, second.length)));
        } finally {
            arriving.tryEmitComplete();
        }

        assertThat(((Number) replacing.get(60, java.util.concurrent.TimeUnit.SECONDS).get("size")).longValue())
                .isEqualTo(second.length);
        assertThat(download(owner, owner.sid(), "hold.wav")).isEqualTo(second);
        assertThat(storedContents(owner.sid())).isEqualTo(1);
    }

    @Test
    void refusesAFileOverTheSizeLimitWith413AndStoresNothing() {
        Caller owner = subscriber(3);
        byte[] tooLarge = AudioFixtures.wav(70_000);
        assertThat(tooLarge.length).isGreaterThan(1024 * 1024);

        upload(owner, owner.sid(), "long.wav", tooLarge).expectStatus().isEqualTo(413).expectBody()
                .jsonPath("$.message").isEqualTo("file too large: the limit is 1048576 bytes (1 MiB)");

        assertThat(listedNames(owner, owner.sid())).isEmpty();
        assertThat(storedContents(owner.sid())).isZero();
        assertThat(chunksWithoutFiles()).isEmpty();
    }

    @Test
    void refusesABodyDeclaredTooLargeBeforeReadingIt() throws Exception {
        Caller owner = subscriber(3);
        long twoMib = 2L * 1024 * 1024;
        org.conference.media.support.GeneratedWav.Multipart multipart =
                org.conference.media.support.GeneratedWav.Multipart.forFile("file", "declared.wav");
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + port() + BASE + "/subscribers/" + owner.sid() + "/files"))
                .header(TestIdentities.HEADER, owner.token())
                .header("Content-Type", "multipart/form-data; boundary=" + multipart.boundary())
                .POST(java.net.http.HttpRequest.BodyPublishers.fromPublisher(
                        java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> multipart.body(
                                org.conference.media.support.GeneratedWav.stream(twoMib))), multipart.length(twoMib)))
                .build();
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("file too large: the limit is 1048576 bytes (1 MiB)");
        assertThat(storedContents(owner.sid())).isZero();
        assertThat(chunksWithoutFiles()).isEmpty();
    }

    @Test
    void refusesWhatIsNotAudioWith422AndStoresNothing() {
        Caller owner = subscriber(3);
        upload(owner, owner.sid(), "notes.wav", "these are notes, not audio".getBytes()).expectStatus()
                .isEqualTo(422).expectBody()
                .jsonPath("$.message").isEqualTo("object validation error")
                .jsonPath("$.errors[0].field").isEqualTo("file")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("not audio"));
        assertThat(listedNames(owner, owner.sid())).isEmpty();
        assertThat(storedContents(owner.sid())).isZero();
        assertThat(chunksWithoutFiles()).isEmpty();
    }

    @Test
    void refusesNamesThatAreNotABaseNameWith422AndWritesNothing() {
        Caller owner = subscriber(3);
        byte[] wav = AudioFixtures.wav(100);
        for (String name : List.of("../escape.wav", "dir/inner.wav", "..", "tab\tname.wav",
                "é".repeat(128) + ".wav")) {
            upload(owner, owner.sid(), name, wav).expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.message").isEqualTo("object validation error");
        }
        assertThat(listedNames(owner, owner.sid())).isEmpty();
        assertThat(storedContents(owner.sid())).isZero();
        uploaded(owner, "é".repeat(120) + ".wav", wav);
    }

    @Test
    void refusesAFileOverTheCountQuotaWith409() {
        Caller owner = subscriber(3);
        for (int i = 1; i <= 4; i++) {
            uploaded(owner, "f" + i + ".wav", AudioFixtures.wav(50));
        }
        upload(owner, owner.sid(), "f5.wav", AudioFixtures.wav(50)).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .contains("has 4 files, its quota is 4"));
        // a replacement adds no file
        uploaded(owner, "f1.wav", AudioFixtures.wav(60));
        assertThat(listedNames(owner, owner.sid())).hasSize(4);
    }

    @Test
    void refusesAnUploadOverTheBytesQuotaWith413AndStoresNothingOfIt() {
        Caller owner = subscriber(3);
        uploaded(owner, "one.wav", AudioFixtures.wav(40_000));
        uploaded(owner, "two.wav", AudioFixtures.wav(40_000));

        upload(owner, owner.sid(), "three.wav", AudioFixtures.wav(40_000)).expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.message").value(message -> assertThat((String) message)
                        .contains("quota of 1536000 bytes"));

        assertThat(listedNames(owner, owner.sid())).containsExactly("one.wav", "two.wav");
        assertThat(storedContents(owner.sid())).isEqualTo(2);
        assertThat(chunksWithoutFiles()).isEmpty();
    }

    @Test
    void deletesSeveralFilesAllOrNothing() {
        Caller owner = subscriber(3);
        uploaded(owner, "keep.wav", AudioFixtures.wav(100));
        uploaded(owner, "drop.wav", AudioFixtures.wav(100));

        http.method(org.springframework.http.HttpMethod.DELETE).uri(BASE + "/subscribers/{sid}/files", owner.sid())
                .header(TestIdentities.HEADER, owner.token()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of("drop.wav", "ghost.wav", "phantom.wav")).exchange()
                .expectStatus().isNotFound().expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].message").isEqualTo("cannot find file ghost.wav")
                .jsonPath("$.errors[1].message").isEqualTo("cannot find file phantom.wav");
        assertThat(listedNames(owner, owner.sid())).containsExactly("drop.wav", "keep.wav");

        http.method(org.springframework.http.HttpMethod.DELETE).uri(BASE + "/subscribers/{sid}/files", owner.sid())
                .header(TestIdentities.HEADER, owner.token()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of("drop.wav", "keep.wav")).exchange().expectStatus().isNoContent();
        assertThat(listedNames(owner, owner.sid())).isEmpty();
        assertThat(storedContents(owner.sid())).isZero();
    }

    @Test
    void hidesASubscribersFilesFromOthersAndLetsItsAdministratorsIn() {
        Caller admin = subscriber(1);
        Caller operator = subscriber(2);
        Caller owner = childOf(admin, 3);
        Caller operated = childOf(operator, 3);
        Caller stranger = subscriber(3);
        uploaded(owner, "mine.wav", AudioFixtures.wav(100));
        uploaded(operated, "theirs.wav", AudioFixtures.wav(100));

        get(stranger, BASE + "/subscribers/{sid}/files", owner.sid()).expectStatus().isNotFound();
        get(stranger, "/storage/subscribers/{sid}/{name}", owner.sid(), "mine.wav").expectStatus().isNotFound();
        upload(stranger, owner.sid(), "intruder.wav", AudioFixtures.wav(100)).expectStatus().isNotFound();
        http.delete().uri(BASE + "/subscribers/{sid}/files/{name}", owner.sid(), "mine.wav")
                .header(TestIdentities.HEADER, stranger.token()).exchange().expectStatus().isNotFound();

        assertThat(listedNames(admin, owner.sid())).containsExactly("mine.wav");
        uploaded(owner, "mine.wav", AudioFixtures.wav(100));
        upload(admin, owner.sid(), "from-admin.wav", AudioFixtures.wav(100)).expectStatus().isOk();

        assertThat(download(operator, operated.sid(), "theirs.wav")).isNotEmpty();
        http.delete().uri(BASE + "/subscribers/{sid}/files/{name}", operated.sid(), "theirs.wav")
                .header(TestIdentities.HEADER, operator.token()).exchange().expectStatus().isForbidden();
        assertThat(listedNames(owner, owner.sid())).containsExactly("from-admin.wav", "mine.wav");
    }

    @Test
    void publishesStoredAndDeletedEventsAndDeletesTheFilesOfADeletedSubscriber() {
        Caller admin = subscriber(1);
        Caller owner = childOf(admin, 3);
        try (Consumer<String, Object> events = mediaEvents()) {
            uploaded(owner, "a.wav", AudioFixtures.wav(100));
            uploaded(owner, "b.wav", AudioFixtures.wav(100));

            kafka.send(org.conference.common.events.Topics.SUBSCRIBERS, owner.sid(), null).join();

            List<Map<?, ?>> seen = eventsOf(events, owner.sid(), 4, Duration.ofSeconds(60));
            // each file's events in order; the relay keeps no order across files
            assertThat(seen).extracting(event -> event.get("type") + " " + ((Map<?, ?>) event.get("file")).get("name"))
                    .containsExactlyInAnyOrder("file.stored a.wav", "file.stored b.wav", "file.deleted a.wav",
                            "file.deleted b.wav")
                    .containsSubsequence("file.stored a.wav", "file.deleted a.wav")
                    .containsSubsequence("file.stored b.wav", "file.deleted b.wav");
            assertThat(seen).allSatisfy(event -> assertThat(event.get("subscriberSid")).isEqualTo(owner.sid()));
        }
        assertThat(listedNames(owner, owner.sid())).isEmpty();
        assertThat(storedContents(owner.sid())).isZero();
        // a deleted descriptor stays only until its event has left
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> descriptorDocument(owner.sid(), "a.wav") == null
                        && descriptorDocument(owner.sid(), "b.wav") == null);
    }

    @Test
    void answersWithoutAnIdentityWith401() {
        http.get().uri(BASE + "/subscribers/{sid}/files", "anyone").exchange().expectStatus().isUnauthorized();
        http.get().uri("/storage/subscribers/{sid}/{name}", "anyone", "x.wav").exchange().expectStatus()
                .isUnauthorized();
    }
}
