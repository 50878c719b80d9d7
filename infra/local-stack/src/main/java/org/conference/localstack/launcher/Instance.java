package org.conference.localstack.launcher;

import java.util.Map;

/**
 * One process to run: the first instance of a topology process carries its name, further ones (from {@code --scale})
 * {@code <name>-2}, {@code <name>-3}, ...
 *
 * @param process the topology process it is an instance of
 * @param ordinal 1 for the first instance
 */
public record Instance(String name, String process, ProcessKind kind, int ordinal, Map<PortRole, Integer> ports) {

    public Instance {
        ports = Map.copyOf(ports);
    }

    public static String nameOf(String process, int ordinal) {
        return ordinal == 1 ? process : process + "-" + ordinal;
    }

    public int port(PortRole role) {
        Integer port = ports.get(role);
        if (port == null) {
            throw new IllegalStateException(name + " has no " + role.key());
        }
        return port;
    }

    public String url(String host) {
        return "http://" + host + ":" + port(PortRole.MAIN);
    }

    /** Where the launcher asks a service whether it is up. */
    public String healthUrl(String host) {
        return "http://" + host + ":" + port(PortRole.MANAGEMENT) + "/actuator/health";
    }

    /** Ports as {@code 8082}, {@code 8082/9082} (with management) or {@code 9092/9093} (with controller). */
    public String portList() {
        StringBuilder list = new StringBuilder().append(port(PortRole.MAIN));
        for (PortRole role : new PortRole[] {PortRole.MANAGEMENT, PortRole.CONTROLLER}) {
            if (ports.containsKey(role)) {
                list.append('/').append(ports.get(role));
            }
        }
        return list.toString();
    }
}
