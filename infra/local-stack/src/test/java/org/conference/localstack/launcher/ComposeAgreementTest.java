package org.conference.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml and topology.properties describe the same platform twice; this keeps them from drifting apart:
 * the same services, the same ports (API, management, Kafka, MongoDB), the same gateway routes to the same ports, and
 * every variable the topology gives one service also set for it in compose.
 */
class ComposeAgreementTest {

    private final Topology topology = TopologyReader.read(TestStack.REAL_TOPOLOGY);
    private final Properties topologyFile = TestStack.load(TestStack.REAL_TOPOLOGY);
    private final Map<String, Map<String, Object>> compose = compose();

    @Test
    void theSameServices() {
        Set<String> built = new TreeSet<>();
        compose.forEach((name, service) -> {
            if (service.containsKey("build")) {
                built.add(name);
            }
        });
        Set<String> mandatory = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        services().forEach(service -> {
            all.add(service.name());
            if (!service.optional()) {
                mandatory.add(service.name());
            }
        });

        assertThat(built).as("services compose builds").containsAll(mandatory);
        assertThat(all).as("services of the topology").containsAll(built);
    }

    @Test
    void theSamePortsAndManagementPorts() {
        for (ProcessDefinition service : composeServices()) {
            Map<String, String> environment = environment(service.name());
            int port = service.port(PortRole.MAIN).defaultPort();
            int management = service.port(PortRole.MANAGEMENT).defaultPort();

            assertThat(environment.get("SERVER_PORT")).as(service.name() + " SERVER_PORT").isEqualTo(String.valueOf(port));
            assertThat(buildArgs(service.name()).getOrDefault("SERVICE_PORT", String.valueOf(port)))
                    .as(service.name() + " build argument SERVICE_PORT").isEqualTo(String.valueOf(port));
            // Without MANAGEMENT_PORT a service uses its own default, the API port + 1000 (ARCHITECTURE.md section 1).
            assertThat(environment.getOrDefault("MANAGEMENT_PORT", String.valueOf(port + 1000)))
                    .as(service.name() + " management port").isEqualTo(String.valueOf(management));
        }
    }

    @Test
    void theGatewayReachesTheSameServicesOnTheSamePorts() {
        ProcessDefinition gateway = topology.process(topology.publicApi()).orElseThrow();
        Map<String, String> composeUrls = new TreeMap<>();
        environment(gateway.name()).forEach((variable, value) -> {
            if (variable.endsWith("_SERVICE_URI")) {
                composeUrls.put(variable, value);
            }
        });
        Map<String, String> topologyUrls = new TreeMap<>();
        gateway.environment().forEach((variable, value) -> {
            Matcher urls = Pattern.compile("\\$\\{urls:([a-z0-9-]+)}").matcher(value);
            if (urls.matches()) {
                int port = topology.process(urls.group(1)).orElseThrow().port(PortRole.MAIN).defaultPort();
                topologyUrls.put(variable, "http://" + urls.group(1) + ":" + port);
            }
        });

        assertThat(composeUrls).isEqualTo(topologyUrls).isNotEmpty();
    }

    @Test
    void theSameKafkaAndMongoPorts() {
        int kafka = topology.process("kafka").orElseThrow().port(PortRole.MAIN).defaultPort();
        int controller = topology.process("kafka").orElseThrow().port(PortRole.CONTROLLER).defaultPort();
        int mongo = topology.process("mongo").orElseThrow().port(PortRole.MAIN).defaultPort();

        assertThat(environment("kafka").get("KAFKA_LISTENERS"))
                .isEqualTo("PLAINTEXT://:" + kafka + ",CONTROLLER://:" + controller);
        assertThat(environment("kafka").get("KAFKA_CONTROLLER_QUORUM_VOTERS")).endsWith(":" + controller);
        for (ProcessDefinition service : composeServices()) {
            assertThat(environment(service.name()).get("KAFKA_BOOTSTRAP_SERVERS")).as(service.name())
                    .isEqualTo("kafka:" + kafka);
            if (dependsOn(service.name(), "mongo")) {
                // the edge simulator keeps its calls in memory and has no database
                assertThat(environment(service.name()).get("MONGODB_URI")).as(service.name())
                        .isEqualTo("mongodb://mongo:" + mongo);
            }
        }
    }

    private boolean dependsOn(String service, String other) {
        Object dependencies = compose.get(service).get("depends_on");
        if (dependencies instanceof Map<?, ?> map) {
            return map.containsKey(other);
        }
        return dependencies instanceof List<?> list && list.contains(other);
    }

    @Test
    void everyVariableTheTopologyGivesOneServiceComposeGivesItToo() {
        for (ProcessDefinition service : composeServices()) {
            Set<String> own = new TreeSet<>();
            topologyFile.stringPropertyNames().stream().filter(key -> key.startsWith(service.name() + ".env."))
                    .forEach(key -> own.add(key.substring((service.name() + ".env.").length())));

            assertThat(environment(service.name()).keySet()).as(service.name()).containsAll(own);
        }
    }

    private List<ProcessDefinition> services() {
        return topology.processes().stream().filter(p -> p.kind() == ProcessKind.SERVICE).toList();
    }

    private List<ProcessDefinition> composeServices() {
        return services().stream().filter(service -> compose.containsKey(service.name())).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> environment(String service) {
        Map<String, String> environment = new HashMap<>();
        Object declared = compose.get(service).get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((name, value) -> environment.put(String.valueOf(name), String.valueOf(value)));
        } else if (declared instanceof List<?> list) {
            list.forEach(entry -> {
                String[] nameValue = String.valueOf(entry).split("=", 2);
                environment.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
            });
        }
        return environment;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> buildArgs(String service) {
        Object build = compose.get(service).get("build");
        Map<String, String> args = new HashMap<>();
        if (build instanceof Map<?, ?> map && map.get("args") instanceof Map<?, ?> declared) {
            declared.forEach((name, value) -> args.put(String.valueOf(name), String.valueOf(value)));
        }
        return args;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> compose() {
        try (Reader reader = Files.newBufferedReader(TestStack.REPO.resolve("docker-compose.yml"),
                StandardCharsets.UTF_8)) {
            Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return (Map<String, Map<String, Object>>) file.get("services");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
