package org.conference.localstack.launcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order of a start: wave by wave (a wave starts when the one before is up), and within a wave at most
 * {@code parallel} processes at a time, since on a couple of cores starting more JVMs at once only slows each down.
 */
public final class StartOrder {

    public static List<List<Instance>> batches(StackPlan plan, Topology topology, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel starts must be at least 1");
        }
        Map<Integer, List<Instance>> waves = new TreeMap<>(Comparator.naturalOrder());
        for (Instance instance : plan.instances()) {
            int wave = topology.process(instance.process()).orElseThrow().wave();
            waves.computeIfAbsent(wave, w -> new ArrayList<>()).add(instance);
        }
        List<List<Instance>> batches = new ArrayList<>();
        for (List<Instance> wave : waves.values()) {
            for (int from = 0; from < wave.size(); from += parallel) {
                batches.add(List.copyOf(wave.subList(from, Math.min(from + parallel, wave.size()))));
            }
        }
        return batches;
    }

    private StartOrder() {
    }
}
