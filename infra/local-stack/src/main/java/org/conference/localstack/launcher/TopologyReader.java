package org.conference.localstack.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads topology.properties (the format is described at the top of that file) and refuses anything it would not use:
 * an unknown key is a typo that would otherwise be ignored silently.
 */
public final class TopologyReader {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> RESERVED = Set.of("processes", "public-api", "services");
    private static final Set<String> PROCESS_KEYS = Set.of("kind", "wave", "optional", "module", "main-class",
            "classpath", "classpath-files", "args", "java-opts", "java-opts.env", "entry-path",
            "classifier", "edge");
    private static final Set<String> SERVICES_KEYS = Set.of("java-opts", "java-opts.env");
    private static final Set<String> PLAIN_PLACEHOLDERS = Set.of("port", "management-port", "controller-port", "bind",
            "host", "local", "version", "jwt-secret", "admin-login", "admin-password");
    private static final Set<String> PROCESS_PLACEHOLDERS = Set.of("port", "urls");

    public static Topology read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new LaunchException("cannot read the topology " + file + ": " + e.getMessage());
        }
        try {
            return parse(properties);
        } catch (IllegalArgumentException e) {
            throw new LaunchException(file + ": " + e.getMessage());
        }
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public static Topology parse(Properties properties) {
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).strip()));
        List<String> names = list(require(values, "processes"));
        checkNames(names);
        checkKeys(values, names);
        List<ProcessDefinition> processes = new ArrayList<>();
        for (String name : names) {
            processes.add(process(name, values));
        }
        checkPlaceholders(processes, Set.copyOf(names));
        checkPortsDistinct(processes);
        String publicApi = values.get("public-api");
        if (publicApi != null && processes.stream()
                .noneMatch(p -> p.name().equals(publicApi) && p.kind() == ProcessKind.SERVICE)) {
            throw new IllegalArgumentException("public-api '" + publicApi + "' is not a service of the topology");
        }
        return new Topology(processes, publicApi);
    }

    private static ProcessDefinition process(String name, Map<String, String> values) {
        String prefix = name + ".";
        ProcessKind kind = ProcessKind.of(require(values, prefix + "kind"));
        int wave = number(values, prefix + "wave", require(values, prefix + "wave"));
        boolean optional = Boolean.parseBoolean(values.getOrDefault(prefix + "optional", "false"));
        String module = values.get(prefix + "module");
        String mainClass = values.get(prefix + "main-class");
        if ((module == null) == (mainClass == null)) {
            throw new IllegalArgumentException(name + ": give exactly one of module and main-class");
        }
        if (module != null && kind != ProcessKind.SERVICE) {
            throw new IllegalArgumentException(name + ": only a service runs a module's jar");
        }
        Map<PortRole, PortDefinition> ports = ports(name, kind, values);
        boolean service = kind == ProcessKind.SERVICE;
        String javaOpts = values.getOrDefault(prefix + "java-opts", service ? values.get("services.java-opts") : null);
        String javaOptsVariable = values.getOrDefault(prefix + "java-opts.env",
                service ? values.get("services.java-opts.env") : null);
        Map<String, String> environment = new LinkedHashMap<>();
        if (service) {
            environment.putAll(withPrefix(values, "services.env."));
        }
        environment.putAll(withPrefix(values, prefix + "env."));
        return new ProcessDefinition(name, kind, wave, optional, module, mainClass,
                list(values.getOrDefault(prefix + "classpath", "")),
                list(values.getOrDefault(prefix + "classpath-files", "")),
                words(values.getOrDefault(prefix + "args", "")), ports, javaOpts == null ? "" : javaOpts,
                javaOptsVariable, environment, values.get(prefix + "entry-path"), values.get(prefix + "classifier"),
                edge(name, values.get(prefix + "edge")));
    }

    private static String edge(String name, String edge) {
        if (edge != null && !EdgeChoice.SIMULATOR.key().equals(edge) && !EdgeChoice.SIP.key().equals(edge)) {
            throw new IllegalArgumentException(name + ".edge: simulator or sip, not '" + edge + "'");
        }
        return edge;
    }

    private static Map<PortRole, PortDefinition> ports(String name, ProcessKind kind, Map<String, String> values) {
        Map<PortRole, PortDefinition> ports = new EnumMap<>(PortRole.class);
        for (PortRole role : PortRole.values()) {
            String key = name + "." + role.key();
            if (values.containsKey(key)) {
                int port = number(values, key, values.get(key));
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException(key + ": " + port + " is not a TCP port");
                }
                ports.put(role, new PortDefinition(role, port, values.get(key + ".env")));
            }
        }
        List<PortRole> needed = switch (kind) {
            case KAFKA -> List.of(PortRole.MAIN, PortRole.CONTROLLER);
            case MONGO -> List.of(PortRole.MAIN);
            case SERVICE -> List.of(PortRole.MAIN, PortRole.MANAGEMENT);
        };
        for (PortRole role : PortRole.values()) {
            if (needed.contains(role) && !ports.containsKey(role)) {
                throw new IllegalArgumentException(name + ": a " + kind.label() + " needs a " + role.key() + " ('"
                        + name + "." + role.key() + "' is missing)");
            }
            if (!needed.contains(role) && ports.containsKey(role)) {
                throw new IllegalArgumentException(name + ": a " + kind.label() + " has no " + role.key());
            }
        }
        return ports;
    }

    private static void checkNames(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!NAME.matcher(name).matches() || RESERVED.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' cannot name a process");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("process '" + name + "' is listed twice");
            }
        }
    }

    private static void checkKeys(Map<String, String> values, List<String> names) {
        values.keySet().stream().filter(key -> !known(key, names)).sorted().findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("unknown key '" + key + "'");
        });
    }

    private static boolean known(String key, List<String> names) {
        if (key.equals("processes") || key.equals("public-api")) {
            return true;
        }
        int dot = key.indexOf('.');
        if (dot < 0) {
            return false;
        }
        String owner = key.substring(0, dot);
        String rest = key.substring(dot + 1);
        if (owner.equals("services")) {
            return SERVICES_KEYS.contains(rest) || rest.startsWith("env.");
        }
        String port = rest.endsWith(".env") ? rest.substring(0, rest.length() - ".env".length()) : rest;
        return names.contains(owner)
                && (PROCESS_KEYS.contains(rest) || rest.startsWith("env.") || PortRole.ofKey(port).isPresent());
    }

    private static void checkPlaceholders(List<ProcessDefinition> processes, Set<String> names) {
        for (ProcessDefinition process : processes) {
            List<String> templates = new ArrayList<>(process.environment().values());
            templates.addAll(process.args());
            for (String template : templates) {
                for (Placeholders.Reference reference : Placeholders.references(template)) {
                    boolean known = reference.argument() == null ? PLAIN_PLACEHOLDERS.contains(reference.name())
                            : PROCESS_PLACEHOLDERS.contains(reference.name()) && names.containsAll(
                                    "urls".equals(reference.name()) ? List.of(reference.argument().split(","))
                                            : List.of(reference.argument()));
                    boolean ownPort = reference.argument() != null || PortRole.ofKey(reference.name())
                            .map(role -> process.ports().containsKey(role)).orElse(true);
                    if (!known || !ownPort) {
                        throw new IllegalArgumentException(process.name() + ": unknown placeholder " + reference);
                    }
                }
            }
        }
    }

    private static void checkPortsDistinct(List<ProcessDefinition> processes) {
        Map<Integer, String> owners = new HashMap<>();
        for (ProcessDefinition process : processes) {
            for (PortDefinition port : process.ports().values()) {
                String previous = owners.putIfAbsent(port.defaultPort(), process.name() + " " + port.role().key());
                if (previous != null) {
                    throw new IllegalArgumentException("port " + port.defaultPort() + " is both " + previous + " and "
                            + process.name() + " " + port.role().key());
                }
            }
        }
    }

    private static Map<String, String> withPrefix(Map<String, String> values, String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        values.keySet().stream().filter(key -> key.startsWith(prefix)).sorted()
                .forEach(key -> found.put(key.substring(prefix.length()), values.get(key)));
        return found;
    }

    private static String require(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return value;
    }

    private static int number(Map<String, String> values, String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a number");
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }

    private TopologyReader() {
    }
}
