package org.conference.localstack.launcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;

/**
 * Decides every instance's ports: a process's first instance gets the topology's port, or the one its variable moves
 * it to; further instances get ports the system reports free (nobody needs to know them in advance: the gateway gets
 * every instance's URL).
 */
public final class PortPlanner {

    private final Map<String, String> environment;
    private final IntSupplier freePorts;

    /** @param freePorts answers a port that nothing listens on right now */
    public PortPlanner(Map<String, String> environment, IntSupplier freePorts) {
        this.environment = Map.copyOf(environment);
        this.freePorts = freePorts;
    }

    /** @param instances how many instances of each process (1 when absent) */
    public StackPlan plan(List<ProcessDefinition> processes, Map<String, Integer> instances) {
        Map<Integer, String> owners = new HashMap<>();
        List<Instance> planned = new ArrayList<>();
        for (ProcessDefinition process : processes) {
            Map<PortRole, Integer> firstPorts = new EnumMap<>(PortRole.class);
            process.ports().values().forEach(port -> firstPorts.put(port.role(), configured(port)));
            planned.add(claim(owners, new Instance(process.name(), process.name(), process.kind(), 1, firstPorts)));
        }
        for (ProcessDefinition process : processes) {
            int count = instances.getOrDefault(process.name(), 1);
            for (int ordinal = 2; ordinal <= count; ordinal++) {
                Map<PortRole, Integer> ports = new EnumMap<>(PortRole.class);
                for (PortRole role : PortRole.values()) {
                    if (process.ports().containsKey(role)) {
                        ports.put(role, unclaimedFreePort(owners.keySet(), ports.values()));
                    }
                }
                Instance extra = new Instance(Instance.nameOf(process.name(), ordinal), process.name(),
                        process.kind(), ordinal, ports);
                int afterLastOfItsProcess = lastIndexOf(planned, process.name()) + 1;
                planned.add(afterLastOfItsProcess, claim(owners, extra));
            }
        }
        return new StackPlan(planned);
    }

    /** Every planned port that is taken, as {@code "9092 (kafka port)"}; empty when all are free. */
    public static List<String> taken(StackPlan plan, IntPredicate isFree) {
        List<String> taken = new ArrayList<>();
        for (Instance instance : plan.instances()) {
            instance.ports().forEach((role, port) -> {
                if (!isFree.test(port)) {
                    taken.add(port + " (" + instance.name() + " " + role.key() + ")");
                }
            });
        }
        return taken;
    }

    private int configured(PortDefinition port) {
        String value = port.variable() == null ? null : environment.get(port.variable());
        if (value == null || value.isBlank()) {
            return port.defaultPort();
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 1 && parsed <= 65535) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LaunchException(port.variable() + "=" + value + " is not a TCP port");
    }

    private int unclaimedFreePort(Set<Integer> claimed, Collection<Integer> alsoTaken) {
        Set<Integer> avoid = new HashSet<>(claimed);
        avoid.addAll(alsoTaken);
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = freePorts.getAsInt();
            if (!avoid.contains(port)) {
                return port;
            }
        }
        throw new LaunchException("found no free port for another instance");
    }

    private static Instance claim(Map<Integer, String> owners, Instance instance) {
        instance.ports().forEach((role, port) -> {
            String previous = owners.putIfAbsent(port, instance.name() + " " + role.key());
            if (previous != null) {
                throw new LaunchException("port " + port + " is planned for both " + previous + " and "
                        + instance.name() + " " + role.key() + " (see the *_PORT variables)");
            }
        });
        return instance;
    }

    private static int lastIndexOf(List<Instance> planned, String process) {
        for (int i = planned.size() - 1; i >= 0; i--) {
            if (planned.get(i).process().equals(process)) {
                return i;
            }
        }
        throw new IllegalStateException(process + " was not planned");
    }
}
