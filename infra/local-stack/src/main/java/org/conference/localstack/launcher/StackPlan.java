package org.conference.localstack.launcher;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every instance this start will run, in listing order (a process's instances next to each other). */
public record StackPlan(List<Instance> instances) {

    public StackPlan {
        instances = List.copyOf(instances);
    }

    public List<Instance> of(String process) {
        return instances.stream().filter(instance -> instance.process().equals(process)).toList();
    }

    public Optional<Instance> first(String process) {
        return of(process).stream().findFirst();
    }

    /** {@code http://host:port} of every instance of a process, comma-separated (the gateway balances over them). */
    public String urlsOf(String process, String host) {
        return of(process).stream().map(instance -> instance.url(host)).collect(Collectors.joining(","));
    }
}
