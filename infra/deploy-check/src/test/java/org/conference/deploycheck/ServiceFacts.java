package org.conference.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * What docker compose and a service's own configuration say about it: the image compose runs, the environment
 * compose gives it, and the environment variables its application.yml reads (with their defaults).
 *
 * @param name the compose service name (also the Deployment's and the Service's)
 * @param module the Maven module compose builds the image from
 * @param image compose's {@code image:}
 * @param composeEnvironment compose's {@code environment:} (anchors merged)
 * @param readVariables every {@code ${VARIABLE...}} placeholder of the module's application.yml, with its default
 *     ({@code null} when it has none), and the environment name of every property its code (or common-model's)
 *     reads with {@code @Value("${conference.kafka.partitions:3}")}: Spring's relaxed binding finds
 *     {@code conference.kafka.partitions} in {@code CONFERENCE_KAFKA_PARTITIONS}
 */
record ServiceFacts(String name, String module, String image, Map<String, String> composeEnvironment,
        Map<String, String> readVariables) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([a-z][a-z0-9.-]*)(?::([^}]*))?}");

    /** Variables the JVM reads, not Spring: compose and the manifests both size the heap with them. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    /** Every compose service built from this repository (those with a {@code build:}), by name. */
    @SuppressWarnings("unchecked")
    static Map<String, ServiceFacts> load(Path repository) {
        Map<String, Object> compose = new Yaml().load(read(repository.resolve("docker-compose.yml")));
        Map<String, ServiceFacts> facts = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) compose.get("services")).forEach((name, service) -> {
            if (service.get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> args) {
                String module = String.valueOf(args.get("SERVICE"));
                Map<String, String> environment = new LinkedHashMap<>();
                ((Map<String, Object>) service.get("environment"))
                        .forEach((key, value) -> environment.put(key, String.valueOf(value)));
                Path applicationYml = repository.resolve(module).resolve("src/main/resources/application.yml");
                Map<String, String> variables = new LinkedHashMap<>(placeholders(read(applicationYml)));
                for (String sources : List.of(module, "common-model")) {
                    codeProperties(repository.resolve(sources).resolve("src/main/java")).forEach(variables::putIfAbsent);
                }
                facts.put(name, new ServiceFacts(name, module, String.valueOf(service.get("image")),
                        Map.copyOf(environment), java.util.Collections.unmodifiableMap(variables)));
            }
        });
        return facts;
    }

    static Map<String, String> placeholders(String applicationYml) {
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(applicationYml);
        while (matcher.find()) {
            variables.putIfAbsent(matcher.group(1), matcher.group(2));
        }
        return variables;
    }

    /** Environment names of the {@code ${property:default}} placeholders in the Java sources under {@code root}. */
    static Map<String, String> codeProperties(Path root) {
        Map<String, String> variables = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher matcher = PROPERTY.matcher(read(file));
                while (matcher.find()) {
                    variables.putIfAbsent(matcher.group(1).replaceAll("[.-]", "_").toUpperCase(Locale.ROOT),
                            matcher.group(2));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return variables;
    }

    /** A port default of application.yml, e.g. 8081 for {@code ${SERVER_PORT:8081}}. */
    int defaultPort(String variable) {
        String value = readVariables.get(variable);
        if (value == null) {
            throw new IllegalStateException(module + "'s application.yml has no default for " + variable);
        }
        return Integer.parseInt(value);
    }

    /** The variables compose sets that the service (or its JVM) actually reads. */
    Set<String> composeVariablesRead() {
        Set<String> read = new LinkedHashSet<>(composeEnvironment.keySet());
        read.removeIf(variable -> !readVariables.containsKey(variable) && !JVM_VARIABLES.contains(variable));
        return read;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
