package org.conference.media.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Arrays;

import org.conference.media.support.AudioFixtures;
import org.conference.media.support.MediaApiTestSupport;
import org.conference.testsupport.TestIdentities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** {@code /storage/subscribers/{sid}/{fileName}} as a player uses it: headers, conditional requests, byte ranges. */
class DownloadTest extends MediaApiTestSupport {

    private Caller owner;
    private byte[] wav;
    private String path;

    @BeforeEach
    void storeAFile() {
        owner = subscriber(3);
        // larger than one GridFS chunk (255 KiB), so ranges cross chunk boundaries
        wav = AudioFixtures.wav(20_000);
        uploaded(owner, "tone.wav", wav);
        path = "/storage/subscribers/" + owner.sid() + "/tone.wav";
    }

    @Test
    void servesTheBytesWithTypeLengthTagAndDate() {
        EntityExchangeResult<byte[]> answer = get(owner, path).expectStatus().isOk()
                .expectHeader().contentType("audio/wav")
                .expectHeader().contentLength(wav.length)
                .expectHeader().valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
                .expectBody(byte[].class).returnResult();
        assertThat(answer.getResponseBody()).isEqualTo(wav);
        assertThat(answer.getResponseHeaders().getETag()).startsWith("\"").endsWith("\"");
        assertThat(answer.getResponseHeaders().getLastModified()).isPositive();
    }

    @Test
    void answersHeadWithTheHeadersAndNoBody() {
        http.head().uri(path).header(TestIdentities.HEADER, owner.token()).exchange().expectStatus().isOk()
                .expectHeader().contentLength(wav.length)
                .expectHeader().contentType("audio/wav")
                .expectBody().isEmpty();
    }

    @Test
    void servesSingleByteRangesWith206() {
        range("bytes=100-299").expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 100-299/" + wav.length)
                .expectHeader().contentLength(200)
                .expectBody(byte[].class).isEqualTo(Arrays.copyOfRange(wav, 100, 300));
        int boundary = 255 * 1024;
        range("bytes=" + (boundary - 10) + "-" + (boundary + 9)).expectStatus().isEqualTo(206)
                .expectBody(byte[].class).isEqualTo(Arrays.copyOfRange(wav, boundary - 10, boundary + 10));
        range("bytes=-50").expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE,
                        "bytes " + (wav.length - 50) + "-" + (wav.length - 1) + "/" + wav.length)
                .expectBody(byte[].class).isEqualTo(Arrays.copyOfRange(wav, wav.length - 50, wav.length));
        range("bytes=" + (wav.length - 5) + "-").expectStatus().isEqualTo(206)
                .expectBody(byte[].class).isEqualTo(Arrays.copyOfRange(wav, wav.length - 5, wav.length));
        range("bytes=" + (wav.length - 5) + "-" + (wav.length + 1000)).expectStatus().isEqualTo(206)
                .expectHeader().contentLength(5);
    }

    @Test
    void refusesUnsatisfiableAndMalformedRangesWith416() {
        for (String bad : new String[] {"bytes=" + wav.length + "-", "bytes=500-100", "lines=1-2", "bytes=x-y"}) {
            range(bad).expectStatus().isEqualTo(416)
                    .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes */" + wav.length)
                    .expectBody().jsonPath("$.message").isEqualTo("range not satisfiable");
        }
    }

    @Test
    void answersAConditionalRequestForTheCurrentCopyWith304() {
        HttpHeaders first = get(owner, path).expectStatus().isOk().returnResult(byte[].class).getResponseHeaders();
        http.get().uri(path).header(TestIdentities.HEADER, owner.token())
                .header(HttpHeaders.IF_NONE_MATCH, first.getETag()).exchange()
                .expectStatus().isNotModified().expectBody().isEmpty();
        http.get().uri(path).header(TestIdentities.HEADER, owner.token())
                .ifModifiedSince(ZonedDateTime.now().plusMinutes(1)).exchange()
                .expectStatus().isNotModified();
        http.get().uri(path).header(TestIdentities.HEADER, owner.token())
                .header(HttpHeaders.IF_NONE_MATCH, "\"another\"").exchange()
                .expectStatus().isOk();
        // a range against an older copy gets the whole current one
        http.get().uri(path).header(TestIdentities.HEADER, owner.token()).header(HttpHeaders.RANGE, "bytes=0-9")
                .header(HttpHeaders.IF_RANGE, "\"older\"").exchange()
                .expectStatus().isOk().expectHeader().contentLength(wav.length);
        http.get().uri(path).header(TestIdentities.HEADER, owner.token()).header(HttpHeaders.RANGE, "bytes=0-9")
                .header(HttpHeaders.IF_RANGE, first.getETag()).exchange()
                .expectStatus().isEqualTo(206);
    }

    @Test
    void answersUnknownFilesAndOtherSubscribersWith404() {
        get(owner, "/storage/subscribers/{sid}/{name}", owner.sid(), "missing.wav").expectStatus().isNotFound();
        get(subscriber(3), path).expectStatus().isNotFound();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec range(String range) {
        return http.get().uri(path).header(TestIdentities.HEADER, owner.token()).header(HttpHeaders.RANGE, range)
                .exchange();
    }
}
