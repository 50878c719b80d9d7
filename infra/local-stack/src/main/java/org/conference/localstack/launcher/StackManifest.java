package org.conference.localstack.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running stack consists of ({@code .local/run/stack.properties}): its instances with their kinds and ports,
 * so that {@code --status} and {@code --stop} know them even when scaled instances got ports of their own and the
 * launcher is gone.
 *
 * @param host where the instances are reached
 */
public record StackManifest(String host, List<Instance> instances) {

    public StackManifest {
        instances = List.copyOf(instances);
    }

    public void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("host", host);
        properties.setProperty("instances", String.join(",", instances.stream().map(Instance::name).toList()));
        for (Instance instance : instances) {
            String prefix = instance.name() + ".";
            properties.setProperty(prefix + "process", instance.process());
            properties.setProperty(prefix + "kind", instance.kind().label());
            properties.setProperty(prefix + "ordinal", String.valueOf(instance.ordinal()));
            instance.ports().forEach((role, port) -> properties.setProperty(prefix + role.key(), String.valueOf(port)));
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "The running local stack (written by the launcher; read by --status and --stop)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<StackManifest> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            List<Instance> instances = new ArrayList<>();
            for (String name : Arrays.stream(properties.getProperty("instances", "").split(","))
                    .filter(name -> !name.isBlank()).toList()) {
                Map<PortRole, Integer> ports = new EnumMap<>(PortRole.class);
                for (PortRole role : PortRole.values()) {
                    String port = properties.getProperty(name + "." + role.key());
                    if (port != null) {
                        ports.put(role, Integer.parseInt(port));
                    }
                }
                instances.add(new Instance(name, properties.getProperty(name + ".process"),
                        ProcessKind.of(properties.getProperty(name + ".kind")),
                        Integer.parseInt(properties.getProperty(name + ".ordinal")), ports));
            }
            return Optional.of(new StackManifest(properties.getProperty("host", "127.0.0.1"), instances));
        } catch (IOException | RuntimeException e) {
            // A damaged plan must not keep --stop from stopping what the pid files name.
            return Optional.empty();
        }
    }

    public Optional<Instance> instance(String name) {
        return instances.stream().filter(instance -> instance.name().equals(name)).findFirst();
    }
}
