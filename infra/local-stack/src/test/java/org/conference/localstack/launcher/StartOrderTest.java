package org.conference.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class StartOrderTest {

    private final Topology topology = TopologyReader.read(TestStack.REAL_TOPOLOGY);
    private final AtomicInteger freePorts = new AtomicInteger(40000);

    @Test
    void infrastructureFirstThenTheServicesTwoAtATimeAndTheGatewayLast() {
        List<List<String>> batches = names(StartOrder.batches(plan(Map.of()), topology, 2));

        assertThat(batches).containsExactly(List.of("kafka", "mongo"),
                List.of("provisioning-service", "meeting-service"), List.of("media-service", "callback-service"),
                List.of("gateway-service", "edge-simulator"), List.of("sip-edge"));
    }

    @Test
    void scaledInstancesStartInTheirServicesWaveStillTwoAtATime() {
        List<List<String>> batches = names(StartOrder.batches(plan(Map.of("meeting-service", 3)), topology, 2));

        assertThat(batches).containsExactly(List.of("kafka", "mongo"),
                List.of("provisioning-service", "meeting-service"), List.of("meeting-service-2", "meeting-service-3"),
                List.of("media-service", "callback-service"), List.of("gateway-service", "edge-simulator"),
                List.of("sip-edge"));
    }

    @Test
    void oneAtATimeIsAllowed() {
        assertThat(StartOrder.batches(plan(Map.of()), topology, 1)).hasSize(9).allMatch(batch -> batch.size() == 1);
    }

    private StackPlan plan(Map<String, Integer> scale) {
        return new PortPlanner(Map.of(), freePorts::incrementAndGet).plan(topology.processes(), scale);
    }

    private static List<List<String>> names(List<List<Instance>> batches) {
        return batches.stream().map(batch -> batch.stream().map(Instance::name).toList()).toList();
    }
}
