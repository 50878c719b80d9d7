package org.conference.localstack.launcher;

import java.util.List;
import java.util.Optional;

/**
 * The processes of the local stack, in their listing order.
 *
 * @param publicApi the name of the process that is the platform's public door, or null
 */
public record Topology(List<ProcessDefinition> processes, String publicApi) {

    public Topology {
        processes = List.copyOf(processes);
    }

    public Optional<ProcessDefinition> process(String name) {
        return processes.stream().filter(process -> process.name().equals(name)).findFirst();
    }
}
