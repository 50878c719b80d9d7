package org.conference.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopologyReaderTest {

    private final Topology topology = TopologyReader.read(TestStack.REAL_TOPOLOGY);

    @Test
    void theRealTopologyListsTheSevenProcessesAndTheTwoEdges() {
        assertThat(topology.processes()).extracting(ProcessDefinition::name).containsExactly("kafka", "mongo",
                "provisioning-service", "meeting-service", "media-service", "callback-service", "gateway-service",
                "edge-simulator", "sip-edge");
        assertThat(topology.publicApi()).isEqualTo("gateway-service");
        assertThat(process("kafka").kind()).isEqualTo(ProcessKind.KAFKA);
        assertThat(process("mongo").mainClass()).isEqualTo("org.conference.localstack.mongo.WireMongoServer");
        assertThat(process("edge-simulator").optional()).isTrue();
        assertThat(process("gateway-service").optional()).isFalse();
        assertThat(process("gateway-service").jar("1.0")).isEqualTo("gateway-service/target/gateway-service-1.0.jar");
        assertThat(process("edge-simulator").jar("1.0"))
                .isEqualTo("infra/edge-simulator/target/edge-simulator-1.0.jar");
    }

    @Test
    void theTwoEdgesAreOptionalEachNamesItsEdgeAndTheSipEdgeRunsItsExecJar() {
        assertThat(process("edge-simulator").edge()).isEqualTo("simulator");
        assertThat(process("sip-edge").edge()).isEqualTo("sip");
        assertThat(process("sip-edge").optional()).isTrue();
        assertThat(process("gateway-service").edge()).isNull();
        assertThat(process("sip-edge").jar("1.0")).isEqualTo("infra/sip-edge/target/sip-edge-1.0-exec.jar");
        assertThat(process("sip-edge").environment())
                .containsEntry("SIP_EDGE_PUBLIC_BASE_URL", "http://${host}:${port}")
                .containsEntry("SIP_HOST", "${bind}");
        assertThat(process("media-service").environment())
                .containsEntry("CONFERENCE_MEDIA_EDGE_BASE_URLS", "${urls:edge-simulator,sip-edge}");
    }

    @ParameterizedTest
    @CsvSource({"gateway-service, 8080, 9080, GATEWAY_PORT, GATEWAY_MANAGEMENT_PORT",
        "provisioning-service, 8081, 9081, PROVISIONING_PORT, PROVISIONING_MANAGEMENT_PORT",
        "meeting-service, 8082, 9082, MEETING_PORT, MEETING_MANAGEMENT_PORT",
        "media-service, 8083, 9083, MEDIA_PORT, MEDIA_MANAGEMENT_PORT",
        "callback-service, 8084, 9084, CALLBACK_PORT, CALLBACK_MANAGEMENT_PORT",
        "edge-simulator, 8095, 9095, SIMULATOR_PORT, SIMULATOR_MANAGEMENT_PORT",
        "sip-edge, 8096, 9096, SIP_EDGE_PORT, SIP_EDGE_MANAGEMENT_PORT"})
    void servicesHaveTheContractsPortsAndManagementPorts(String name, int port, int management, String portVariable,
            String managementVariable) {
        ProcessDefinition service = process(name);

        assertThat(service.port(PortRole.MAIN)).isEqualTo(new PortDefinition(PortRole.MAIN, port, portVariable));
        assertThat(service.port(PortRole.MANAGEMENT))
                .isEqualTo(new PortDefinition(PortRole.MANAGEMENT, management, managementVariable));
        assertThat(service.environment()).containsEntry("SERVER_PORT", "${port}")
                .containsEntry("MANAGEMENT_PORT", "${management-port}")
                .containsEntry("MANAGEMENT_SERVER_ADDRESS", "${bind}");
        assertThat(service.javaOptsVariable()).isEqualTo("LOCAL_STACK_SERVICE_JAVA_OPTS");
        assertThat(service.javaOpts()).contains(name.equals("sip-edge") ? "-Xmx192m" : "-Xmx128m",
                "-XX:+UseSerialGC", "-Xss512k");
        // C1 alone starts faster and smaller; the processes that carry the dial-in load and the mixer get C2 too
        if (name.equals("meeting-service") || name.equals("sip-edge")) {
            assertThat(service.javaOpts()).doesNotContain("-XX:TieredStopAtLevel=1");
        } else {
            assertThat(service.javaOpts()).contains("-XX:TieredStopAtLevel=1");
        }
    }

    @Test
    void infrastructureKeepsItsPortsAndFlagsAndServicesTheirOwnEnvironment() {
        assertThat(process("kafka").port(PortRole.MAIN).defaultPort()).isEqualTo(9092);
        assertThat(process("kafka").port(PortRole.CONTROLLER))
                .isEqualTo(new PortDefinition(PortRole.CONTROLLER, 9093, "KAFKA_CONTROLLER_PORT"));
        assertThat(process("mongo").port(PortRole.MAIN))
                .isEqualTo(new PortDefinition(PortRole.MAIN, 27017, "MONGO_PORT"));
        assertThat(process("kafka").javaOptsVariable()).isEqualTo("LOCAL_STACK_KAFKA_JAVA_OPTS");
        assertThat(process("mongo").javaOptsVariable()).isEqualTo("LOCAL_STACK_MONGO_JAVA_OPTS");
        assertThat(process("mongo").javaOpts()).contains("-Xmx128m").doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(process("kafka").javaOpts()).contains("-XX:TieredStopAtLevel=1");
        assertThat(process("mongo").environment()).isEmpty();
        assertThat(process("gateway-service").environment())
                .containsEntry("PROVISIONING_SERVICE_URI", "${urls:provisioning-service}")
                .containsEntry("MEETING_SERVICE_URI", "${urls:meeting-service}")
                .containsEntry("MEDIA_SERVICE_URI", "${urls:media-service}");
        assertThat(process("provisioning-service").environment())
                .containsEntry("CONFERENCE_ADMIN_PASSWORD", "${admin-password}");
        assertThat(process("callback-service").environment())
                .containsEntry("CONFERENCE_CALLBACKS_ALLOW_PRIVATE_TARGETS", "true");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a.kind=service|a: a service needs a port ('a.port' is missing)",
        "a.controller-port=9093|a: a service has no controller-port",
        "a.wave=x|a.wave: 'x' is not a number",
        "a.kind=daemon|unknown kind 'daemon'",
        "a.prot=1|unknown key 'a.prot'",
        "b.port=1|unknown key 'b.port'",
        "a.management-port=8081|port 8081 is both",
        "a.env.X=${nope}|unknown placeholder ${nope}",
        "a.env.X=${urls:nobody}|unknown placeholder ${urls:nobody}",
        "a.env.X=${urls:a,nobody}|unknown placeholder ${urls:a,nobody}",
        "a.env.X=${port:a,a}|unknown placeholder ${port:a,a}",
        "a.edge=pstn|a.edge: simulator or sip, not 'pstn'",
        "a.env.X=${controller-port}|unknown placeholder ${controller-port}",
        "a.main-class=Main|give exactly one of module and main-class",
        "public-api=kafka|public-api 'kafka' is not a service",
        "processes=a,a|'a' is listed twice",
        "processes=services|'services' cannot name a process"})
    void refusesATopologyItWouldMisread(String change, String problem) {
        Properties properties = new Properties();
        properties.setProperty("processes", "a");
        properties.setProperty("a.kind", "service");
        properties.setProperty("a.wave", "1");
        properties.setProperty("a.module", "a");
        properties.setProperty("a.port", "8081");
        properties.setProperty("a.management-port", "9081");
        String[] keyValue = change.split("=", 2);
        properties.setProperty(keyValue[0], keyValue[1]);
        if (change.startsWith("a.kind=service")) {
            properties.remove("a.port");
        }

        assertThatThrownBy(() -> TopologyReader.parse(properties)).hasMessageContaining(problem);
    }

    @Test
    void aMinimalTopologyIsEnough() {
        Properties properties = new Properties();
        properties.setProperty("processes", "db");
        properties.setProperty("db.kind", "mongo");
        properties.setProperty("db.wave", "0");
        properties.setProperty("db.port", "27017");
        properties.setProperty("db.main-class", "Main");
        properties.setProperty("db.args", "${bind}  ${port} ${local}/db");

        ProcessDefinition db = TopologyReader.parse(properties).processes().get(0);

        assertThat(db.args()).isEqualTo(List.of("${bind}", "${port}", "${local}/db"));
        assertThat(db.javaOpts()).isEmpty();
        assertThat(db.ports()).containsOnlyKeys(PortRole.MAIN);
    }

    private ProcessDefinition process(String name) {
        return topology.process(name).orElseThrow();
    }
}
