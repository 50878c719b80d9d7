package org.conference.localstack.launcher;

import java.util.Arrays;
import java.util.List;

/**
 * The values of the topology's placeholders for one start (see topology.properties for the names).
 *
 * @param local the .local directory, absolute
 */
public record StackValues(String bind, String host, String local, String version, Credentials credentials,
        StackPlan plan) {

    /** The values as seen by one instance ({@code ${port}} is its own port). */
    public Placeholders.Values of(Instance instance) {
        return reference -> {
            if (reference.argument() != null) {
                return switch (reference.name()) {
                    case "port" -> plan.first(reference.argument())
                            .map(other -> String.valueOf(other.port(PortRole.MAIN))).orElse(null);
                    case "urls" -> urls(reference.argument());
                    default -> null;
                };
            }
            return switch (reference.name()) {
                case "bind" -> bind;
                case "host" -> host;
                case "local" -> local;
                case "version" -> version;
                case "jwt-secret" -> credentials.jwtSecret();
                case "admin-login" -> credentials.adminLogin();
                case "admin-password" -> credentials.adminPassword();
                default -> PortRole.ofKey(reference.name()).filter(instance.ports()::containsKey)
                        .map(role -> String.valueOf(instance.port(role))).orElse(null);
            };
        };
    }

    /**
     * {@code ${urls:a}} or {@code ${urls:a,b}}: every instance of the processes named that this start runs (an edge
     * left out by {@code --edge} has none); null when none of them runs.
     */
    private String urls(String processes) {
        List<String> running = Arrays.stream(processes.split(",")).filter(process -> !plan.of(process).isEmpty())
                .map(process -> plan.urlsOf(process, host)).toList();
        return running.isEmpty() ? null : String.join(",", running);
    }
}
