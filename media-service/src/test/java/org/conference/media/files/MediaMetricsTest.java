package org.conference.media.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.conference.media.outbox.EventRelay;
import org.conference.media.support.AudioFixtures;
import org.conference.media.support.MediaApiTestSupport;
import org.conference.testsupport.PrometheusScrape;
import org.conference.testsupport.TestIdentities;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What an operator reads on media-service's {@code /actuator/prometheus}: the files kept and their bytes (read from
 * the descriptors, so right after a restart too), and the events the outbox still owes Kafka while its relay is down.
 */
class MediaMetricsTest extends MediaApiTestSupport {

    @LocalManagementPort
    private int managementPort;

    @Autowired
    private EventRelay relay;

    @Test
    void everyLimitAndTheOutboxAreExportedFromStartUp() {
        PrometheusScrape scrape = scrape();
        for (String limit : List.of("files", "bytes", "size")) {
            assertThat(scrape.has("conference_media_quota_refusals_total", Map.of("limit", limit))).as(limit).isTrue();
        }
        assertThat(scrape.has("conference_outbox_pending", Map.of("collection", "files"))).isTrue();
        assertThat(scrape.has("conference_outbox_lag_seconds", Map.of("collection", "files"))).isTrue();
        assertThat(scrape.names()).contains("conference_media_files_stored", "conference_media_stored_bytes");
    }

    @Test
    void storingAndDeletingAFileMovesTheFilesAndBytesKept() {
        Caller owner = subscriber(1);
        byte[] wav = AudioFixtures.wav(500);
        long[] before = stored();

        uploaded(owner, "metrics.wav", wav);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(scrape().value("conference_media_files_stored")).isEqualTo(before[0] + 1);
            assertThat(scrape().value("conference_media_stored_bytes")).isEqualTo(before[1] + wav.length);
        });

        http.delete().uri(BASE + "/subscribers/{sid}/files/{name}", owner.sid(), "metrics.wav")
                .header(TestIdentities.HEADER, owner.token()).exchange().expectStatus().isNoContent();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(scrape().value("conference_media_files_stored")).isEqualTo(before[0]);
            assertThat(scrape().value("conference_media_stored_bytes")).isEqualTo(before[1]);
        });
    }

    @Test
    void anEventNotYetRelayedShowsAsOutboxLagUntilTheRelayPublishesIt() {
        Caller owner = subscriber(1);
        relay.stop();
        try {
            uploaded(owner, "waiting.wav", AudioFixtures.wav(200));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                PrometheusScrape scrape = scrape();
                assertThat(scrape.value("conference_outbox_pending", Map.of("collection", "files")))
                        .isGreaterThanOrEqualTo(1);
                assertThat(scrape.value("conference_outbox_lag_seconds", Map.of("collection", "files")))
                        .isGreaterThan(0);
            });
        } finally {
            relay.start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            PrometheusScrape scrape = scrape();
            assertThat(scrape.value("conference_outbox_pending", Map.of("collection", "files"))).isZero();
            assertThat(scrape.value("conference_outbox_lag_seconds", Map.of("collection", "files"))).isZero();
        });
    }

    /** The live files and their bytes, counted in the database as the gauges should. */
    private long[] stored() {
        Document sum = mongo.aggregate(Aggregation.newAggregation(
                        Aggregation.match(Criteria.where("deleted").is(false)),
                        Aggregation.group().count().as("files").sum("size").as("bytes")), "files", Document.class)
                .next().block();
        return sum == null ? new long[] {0, 0}
                : new long[] {((Number) sum.get("files")).longValue(), ((Number) sum.get("bytes")).longValue()};
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of("http://localhost:" + managementPort);
    }
}
