package org.conference.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard check itself, without a platform: the names it reads out of real expressions, that it fails a
 * dashboard without queries and names the panel of a metric nobody exports, and that the repository's dashboards
 * are Grafana JSON on the provisioned datasource.
 */
class GrafanaDashboardsTest {

    @Test
    void readsTheMetricNamesOutOfRealExpressions() {
        assertThat(PromQlNames.of("sum by (application, uri, status) (rate(http_server_requests_seconds_count"
                + "{application=~\"$application\"}[$__rate_interval]))"))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(PromQlNames.of("histogram_quantile(0.95, sum by (application, le) (rate("
                + "http_server_requests_seconds_bucket{application=~\"$application\", status=~\"4..|5..\"}[5m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(PromQlNames.of("sum by (application) (rate(http_server_requests_seconds_sum{application=~"
                + "\"$application\"}[$__rate_interval])) / sum by (application) (rate("
                + "http_server_requests_seconds_count{application=~\"$application\"}[$__rate_interval]))"))
                .containsExactly("http_server_requests_seconds_sum", "http_server_requests_seconds_count");
        assertThat(PromQlNames.of("sum by (job) (up{job!=\"prometheus\"})")).containsExactly("up");
        assertThat(PromQlNames.of("max by (application, collection) (conference_outbox_lag_seconds) > 1e3"))
                .containsExactly("conference_outbox_lag_seconds");
        assertThat(PromQlNames.of("rate(conference_calls_refused_total{reason=\"max-calls\"}[5m:30s] offset 1h)"
                + " and on (instance) jvm_memory_used_bytes{area='heap'}"))
                .containsExactly("conference_calls_refused_total", "jvm_memory_used_bytes");
        assertThat(PromQlNames.of("topk(5, sum without (le) (conference_media_stored_bytes)) * 2"))
                .containsExactly("conference_media_stored_bytes");
    }

    @Test
    void aDashboardWithoutAnyQueryFailsTheCheck() {
        GrafanaDashboards.Dashboard empty = GrafanaDashboards.parse("empty.json", """
                {"title": "Empty", "templating": {"list": [{"name": "application", "type": "query",
                 "query": {"query": "label_values(jvm_memory_used_bytes, application)"}}]},
                 "panels": [{"type": "row", "title": "nothing", "panels": [{"type": "text", "title": "notes"}]}]}
                """);

        assertThat(GrafanaDashboards.problems(List.of(empty), Set.of("jvm_memory_used_bytes")))
                .containsExactly("empty.json: no panel has a query");
        assertThat(GrafanaDashboards.problems(List.of(), Set.of())).containsExactly("no dashboard found");
    }

    @Test
    void namesEachPanelWhoseMetricNoServiceExportsAlsoInsideARow() {
        GrafanaDashboards.Dashboard dashboard = GrafanaDashboards.parse("d.json", """
                {"title": "Ops", "panels": [
                  {"type": "timeseries", "title": "Heap", "targets": [{"expr": "sum(jvm_memory_used_bytes)"}]},
                  {"type": "row", "title": "Files", "collapsed": true, "panels": [
                    {"type": "timeseries", "title": "Bytes kept",
                     "targets": [{"expr": "max(conference_media_stored_bytes) / max(conference_media_files_stored)"}]}
                  ]}]}
                """);

        assertThat(GrafanaDashboards.problems(List.of(dashboard),
                Set.of("jvm_memory_used_bytes", "conference_media_files_stored")))
                .containsExactly("dashboard \"Ops\", panel \"Bytes kept\": no service exports "
                        + "conference_media_stored_bytes");
        assertThat(GrafanaDashboards.problems(List.of(dashboard), Set.of("jvm_memory_used_bytes",
                "conference_media_files_stored", "conference_media_stored_bytes"))).isEmpty();
    }

    @Test
    void theRepositorysDashboardsQueryMetricsOnTheProvisionedDatasource() throws IOException {
        Path directory = GrafanaDashboards.directory();
        List<GrafanaDashboards.Dashboard> dashboards = GrafanaDashboards.load(directory);
        assertThat(dashboards).isNotEmpty();
        assertThat(GrafanaDashboards.problems(dashboards, everyNameTheyUse(dashboards))).isEmpty();

        String provisioned = provisionedUid(directory.resolveSibling("provisioning").resolve("datasources")
                .resolve("prometheus.yml"));
        JsonMapper json = JsonMapper.builder().build();
        for (GrafanaDashboards.Dashboard dashboard : dashboards) {
            JsonNode root = json.readTree(Files.readString(directory.resolve(dashboard.file())));
            assertThat(root.path("schemaVersion").asInt()).as(dashboard.file()).isGreaterThanOrEqualTo(36);
            String variable = "";
            for (JsonNode candidate : root.path("templating").path("list")) {
                if (candidate.path("type").asString("").equals("datasource")) {
                    variable = "${" + candidate.path("name").asString() + "}";
                    assertThat(candidate.path("current").path("value").asString()).isEqualTo(provisioned);
                }
            }
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : allPanels(root.path("panels"))) {
                assertThat(ids.add(panel.path("id").asInt())).as("unique id " + panel.path("id")).isTrue();
                if (panel.has("targets")) {
                    assertThat(panel.path("datasource").path("uid").asString())
                            .as(panel.path("title").asString()).isIn(provisioned, variable);
                }
            }
        }
    }

    private static Set<String> everyNameTheyUse(List<GrafanaDashboards.Dashboard> dashboards) {
        Set<String> names = new HashSet<>();
        dashboards.forEach(dashboard -> dashboard.queries().forEach(query -> names.addAll(query.metrics())));
        return names;
    }

    private static List<JsonNode> allPanels(JsonNode panels) {
        List<JsonNode> all = new java.util.ArrayList<>();
        for (JsonNode panel : panels) {
            all.add(panel);
            all.addAll(allPanels(panel.path("panels")));
        }
        return all;
    }

    private static String provisionedUid(Path datasources) throws IOException {
        Matcher uid = Pattern.compile("(?m)^\\s*uid:\\s*(\\S+)\\s*$").matcher(Files.readString(datasources));
        assertThat(uid.find()).as("a uid in " + datasources).isTrue();
        return uid.group(1);
    }
}
