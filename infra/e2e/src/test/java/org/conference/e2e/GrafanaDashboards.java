package org.conference.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboards of {@code infra/grafana/dashboards}, read as Grafana reads them: every panel (those inside
 * rows too) with the metric names its targets' {@code expr} query, and the variables' {@code label_values} queries.
 */
final class GrafanaDashboards {

    /** Series Prometheus makes itself for every target: no service exports them. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*[A-Za-z_][A-Za-z0-9_]*\\)");

    /** One query of one panel (or, {@code variable}, of a variable) and the metric names it reads. */
    record Query(String dashboard, String panel, boolean variable, String expression, Set<String> metrics) {
    }

    /** A dashboard file: its title and every query in it. */
    record Dashboard(String file, String title, List<Query> queries) {
    }

    private GrafanaDashboards() {
    }

    /** The dashboards directory of the repository the build names ({@code e2e.repository}). */
    static Path directory() {
        return Path.of(System.getProperty("e2e.repository", "../.."), "infra", "grafana", "dashboards")
                .toAbsolutePath().normalize();
    }

    static List<Dashboard> load(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted()
                    .map(GrafanaDashboards::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dashboard read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dashboard parse(String file, String json) {
        JsonNode root = JSON.readTree(json);
        String title = root.path("title").asString(file);
        List<Query> queries = new ArrayList<>();
        collectPanels(title, root.path("panels"), queries);
        for (JsonNode variable : root.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            String text = query.isObject() ? query.path("query").asString("") : query.asString("");
            Matcher labelValues = LABEL_VALUES.matcher(text);
            if (variable.path("type").asString("").equals("query") && labelValues.matches()) {
                String expression = labelValues.group(1);
                queries.add(new Query(title, "variable " + variable.path("name").asString(""), true, expression,
                        PromQlNames.of(expression)));
            }
        }
        return new Dashboard(file, title, queries);
    }

    private static void collectPanels(String dashboard, JsonNode panels, List<Query> into) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expression = target.path("expr").asString("");
                if (!expression.isBlank()) {
                    into.add(new Query(dashboard, panel.path("title").asString("#" + panel.path("id").asString("")),
                            false, expression, PromQlNames.of(expression)));
                }
            }
            collectPanels(dashboard, panel.path("panels"), into);
        }
    }

    /**
     * What is wrong with {@code dashboards} against the series names the services export: a dashboard without a single
     * query, a query that names no metric, and each metric no service exports, naming its dashboard and panel.
     */
    static List<String> problems(List<Dashboard> dashboards, Set<String> exported) {
        List<String> problems = new ArrayList<>();
        if (dashboards.isEmpty()) {
            problems.add("no dashboard found");
        }
        for (Dashboard dashboard : dashboards) {
            if (dashboard.queries().stream().allMatch(Query::variable)) {
                problems.add(dashboard.file() + ": no panel has a query");
            }
            for (Query query : dashboard.queries()) {
                if (query.metrics().isEmpty()) {
                    problems.add(where(query) + " names no metric: " + query.expression());
                }
                query.metrics().stream().filter(name -> !exported.contains(name) && !PROMETHEUS_OWN.contains(name))
                        .forEach(name -> problems.add(where(query) + ": no service exports " + name));
            }
        }
        return problems;
    }

    private static String where(Query query) {
        return "dashboard \"" + query.dashboard() + "\", panel \"" + query.panel() + "\"";
    }
}
