package org.conference.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.reactivestreams.Publisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * JSON bodies above 1 MiB are refused with 413 naming the limit, whether announced by Content-Length or sent chunked,
 * and everything up to it goes through (not Spring's 256 KiB codec default); uploads to the files route may be larger
 * (3 MB in these tests, 100 MB by default) and stream through without being buffered.
 */
class BodyLimitTest extends GatewayTestBase {

    private static final int MIB = 1024 * 1024;
    private static final String TOO_LARGE_1_MIB = "request body too large: the limit is 1048576 bytes (1 MiB)";
    private WebTestClient http;
    private String authorization;

    @BeforeEach
    void setUp() {
        http = clientFrom("127.0.0.41");
        provisioning.addUser("uploader", "uploader-password", 3);
        authorization = basic("uploader", "uploader-password");
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {300 * 1024, MIB - 1, MIB})
    void forwardsJsonBodiesUpToTheLimitWhole(int size) {
        String marker = UUID.randomUUID().toString();
        post("/conference/v1/meetingRooms?m=" + marker, Mono.just(buffer(size)), size)
                .expectStatus().isOk();
        assertThat(provisioning.requestWith(marker).bodyBytes()).isEqualTo(size);
    }

    @Test
    void refusesAnAnnouncedJsonBodyOverOneMebibyteBeforeRoutingAndSaysTheLimit() {
        String marker = UUID.randomUUID().toString();
        post("/conference/v1/meetingRooms?m=" + marker, Mono.just(buffer(MIB + 1)), MIB + 1)
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType("application/json")
                .expectBody()
                .jsonPath("$.message").isEqualTo(TOO_LARGE_1_MIB)
                .jsonPath("$.errors[0].field").isEqualTo("cause")
                .jsonPath("$.errors[0].message").isEqualTo(TOO_LARGE_1_MIB);
        assertThat(provisioning.requests(r -> r.uri().contains(marker))).isEmpty();
    }

    @Test
    void cutsOffAChunkedJsonBodyOnceItPassesOneMebibyte() {
        String marker = UUID.randomUUID().toString();
        Flux<DataBuffer> chunks = Flux.range(0, 24).map(i -> buffer(64 * 1024)); // 1.5 MiB, no Content-Length
        post("/conference/v1/meetings?m=" + marker, chunks, -1)
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.message").isEqualTo(TOO_LARGE_1_MIB);
        assertThat(meeting.requests(r -> r.uri().contains(marker) && r.bodyBytes() > MIB)).isEmpty();
    }

    @Test
    void letsLargerUploadsThroughTheFilesRouteUpToItsOwnLimit() {
        String marker = UUID.randomUUID().toString();
        post("/conference/v1/subscribers/SID/files?m=" + marker, Flux.range(0, 32).map(i -> buffer(64 * 1024)), -1)
                .expectStatus().isOk();
        assertThat(media.requestWith(marker).bodyBytes()).isEqualTo(2L * MIB);

        post("/conference/v1/subscribers/SID/files", Mono.just(buffer(4 * MIB)), 4 * MIB)
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.message")
                .isEqualTo("request body too large: the limit is 3145728 bytes (3 MiB)");
    }

    @Test
    void streamsAnUploadToTheServiceWhileTheClientIsStillSending() {
        String marker = UUID.randomUUID().toString();
        // The second half is only sent once the service has seen the first: a buffering gateway would never
        // forward the first half, and this upload would time out.
        Flux<DataBuffer> body = Flux.concat(
                Flux.range(0, 8).map(i -> buffer(64 * 1024)),
                Flux.interval(Duration.ofMillis(10)).filter(tick -> media.bytesSoFar(marker) > 0).next()
                        .timeout(Duration.ofSeconds(10)).thenMany(Flux.<DataBuffer>empty()),
                Flux.range(0, 8).map(i -> buffer(64 * 1024)));
        post("/conference/v1/subscribers/SID/files?m=" + marker, body, -1)
                .expectStatus().isOk();
        assertThat(media.requestWith(marker).bodyBytes()).isEqualTo(MIB);
    }

    /** {@code length} < 0: no Content-Length, the body goes chunked. */
    private WebTestClient.ResponseSpec post(String uri, Publisher<DataBuffer> body, long length) {
        var request = http.post().uri(uri).header("Authorization", authorization)
                .contentType(MediaType.APPLICATION_JSON);
        if (length >= 0) {
            request = request.contentLength(length);
        }
        return request.body(body, DataBuffer.class).exchange();
    }

    private static byte[] bytes(int size) {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) 'x');
        return content;
    }

    private static DataBuffer buffer(int size) {
        return DefaultDataBufferFactory.sharedInstance.wrap(bytes(size));
    }
}
