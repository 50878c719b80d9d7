package org.conference.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PortPlannerTest {

    private final List<ProcessDefinition> processes = TopologyReader.read(TestStack.REAL_TOPOLOGY).processes();
    private final AtomicInteger freePorts = new AtomicInteger(40000);

    @Test
    void firstInstancesGetTheTopologysPorts() {
        StackPlan plan = new PortPlanner(Map.of(), freePorts::incrementAndGet).plan(processes, Map.of());

        assertThat(plan.instances()).hasSize(9);
        assertThat(plan.first("kafka").orElseThrow().ports())
                .isEqualTo(Map.of(PortRole.MAIN, 9092, PortRole.CONTROLLER, 9093));
        assertThat(plan.first("gateway-service").orElseThrow().ports())
                .isEqualTo(Map.of(PortRole.MAIN, 8080, PortRole.MANAGEMENT, 9080));
        assertThat(plan.urlsOf("meeting-service", "127.0.0.1")).isEqualTo("http://127.0.0.1:8082");
    }

    @Test
    void variablesMovePorts() {
        Map<String, String> environment = Map.of("MEETING_PORT", "18082", "MEETING_MANAGEMENT_PORT", "19082",
                "KAFKA_CONTROLLER_PORT", " 19093 ", "MONGO_PORT", "");

        StackPlan plan = new PortPlanner(environment, freePorts::incrementAndGet).plan(processes, Map.of());

        assertThat(plan.first("meeting-service").orElseThrow().ports())
                .isEqualTo(Map.of(PortRole.MAIN, 18082, PortRole.MANAGEMENT, 19082));
        assertThat(plan.first("kafka").orElseThrow().port(PortRole.CONTROLLER)).isEqualTo(19093);
        assertThat(plan.first("mongo").orElseThrow().port(PortRole.MAIN)).isEqualTo(27017);
    }

    @Test
    void extraInstancesGetFreePortsOfTheirOwnNextToTheFirst() {
        AtomicInteger offered = new AtomicInteger();
        // The "system" first offers ports the plan already uses: they must be passed over.
        List<Integer> offers = List.of(8080, 9082, 40001, 40001, 40002, 40003, 40004);
        StackPlan plan = new PortPlanner(Map.of(), () -> offers.get(offered.getAndIncrement()))
                .plan(processes, Map.of("meeting-service", 3));

        assertThat(plan.of("meeting-service")).extracting(Instance::name)
                .containsExactly("meeting-service", "meeting-service-2", "meeting-service-3");
        assertThat(plan.instances()).extracting(Instance::name).containsSubsequence("meeting-service",
                "meeting-service-2", "meeting-service-3", "media-service");
        assertThat(plan.of("meeting-service").get(1).ports())
                .isEqualTo(Map.of(PortRole.MAIN, 40001, PortRole.MANAGEMENT, 40002));
        assertThat(plan.of("meeting-service").get(2).ordinal()).isEqualTo(3);
        assertThat(plan.urlsOf("meeting-service", "127.0.0.1"))
                .isEqualTo("http://127.0.0.1:8082,http://127.0.0.1:40001,http://127.0.0.1:40003");
        Set<Integer> all = new HashSet<>();
        plan.instances().forEach(instance -> all.addAll(instance.ports().values()));
        assertThat(all).hasSize(plan.instances().stream().mapToInt(instance -> instance.ports().size()).sum());
    }

    @Test
    void refusesAPortVariableThatIsNoPortNamingIt() {
        PortPlanner planner = new PortPlanner(Map.of("GATEWAY_PORT", "80a"), freePorts::incrementAndGet);

        assertThatThrownBy(() -> planner.plan(processes, Map.of())).hasMessage("GATEWAY_PORT=80a is not a TCP port");
    }

    @Test
    void refusesTwoProcessesMovedOntoOnePort() {
        PortPlanner planner = new PortPlanner(Map.of("MEDIA_PORT", "8081"), freePorts::incrementAndGet);

        assertThatThrownBy(() -> planner.plan(processes, Map.of()))
                .hasMessageContaining("port 8081 is planned for both provisioning-service port and media-service port");
    }

    @Test
    void takenPortsAreNamedWithTheirProcessAndRole() {
        StackPlan plan = new PortPlanner(Map.of(), freePorts::incrementAndGet).plan(processes, Map.of());

        assertThat(PortPlanner.taken(plan, port -> port != 9093 && port != 9081))
                .containsExactlyInAnyOrder("9093 (kafka controller-port)",
                        "9081 (provisioning-service management-port)");
        assertThat(PortPlanner.taken(plan, port -> true)).isEmpty();
    }
}
