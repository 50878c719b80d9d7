package org.conference.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.conference.testsupport.PrometheusScrape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every Grafana dashboard under {@code infra/grafana/dashboards} queries only metrics the running platform exports:
 * each panel target's metric names must appear in the {@code /actuator/prometheus} of some service instance of the
 * shared platform, and the failure names every panel that queries one nobody exports. A little traffic goes
 * through the gateway first (a read, a write that the outbox relays), as any running platform has, so that the
 * HTTP and Kafka client series a dashboard draws exist.
 */
@ExtendWith(SharedPlatform.class)
@Order(5)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardMetricsEndToEndTest {

    private Platform platform;

    @BeforeAll
    void useThePlatform(Platform shared) {
        platform = shared;
    }

    @Test
    void everyPanelOfEveryDashboardQueriesAMetricTheServicesExport() {
        List<GrafanaDashboards.Dashboard> dashboards = GrafanaDashboards.load(GrafanaDashboards.directory());
        JsonHttp api = platform.publicApi();
        assertThat(api.get("/subscribers").status()).isEqualTo(200);
        assertThat(api.post("/didGroups", Map.of("callFlowId", "3", "name", "dashboards " + UUID.randomUUID()))
                .status()).isEqualTo(200);

        // the HTTP and Kafka client meters of a request appear when it is done; give them a generous while
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(GrafanaDashboards.problems(dashboards, exported())).isEmpty());
    }

    /** Every series name that any instance of any service of the platform exports. */
    private Set<String> exported() {
        Set<String> names = new TreeSet<>();
        platform.managementUrls().forEach((service, urls) -> {
            assertThat(urls).as(service + " instances").isNotEmpty();
            urls.forEach(url -> names.addAll(PrometheusScrape.of(url).names()));
        });
        return names;
    }
}
