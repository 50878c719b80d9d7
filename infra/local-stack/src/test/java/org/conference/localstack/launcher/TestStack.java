package org.conference.localstack.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A stack for the launcher's tests, in a directory of its own: the real Kafka broker and MongoDB-wire server as the
 * real topology defines them (moved to free ports through their variables) plus {@link StubService} processes on free
 * ports, with the real topology's environment for services.
 */
final class TestStack {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path REPO = MODULE.resolve("../..").normalize();
    static final Path REAL_TOPOLOGY = MODULE.resolve("topology.properties");

    private final Path directory;
    private final Properties topology = new Properties();
    private final List<String> processes = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private int launches;

    TestStack(Path directory) {
        this.directory = directory;
        environment.put("LOCAL_STACK_HOME", home().toString());
        environment.put("LOCAL_STACK_TOPOLOGY", directory.resolve("topology.properties").toString());
        environment.put("LOCAL_STACK_START_TIMEOUT", "120");
        environment.put("LOCAL_STACK_STOP_GRACE", "30");
    }

    Path home() {
        return directory.resolve("local");
    }

    Path directory() {
        return directory;
    }

    TestStack withKafka() {
        return infrastructure("kafka", Map.of("KAFKA_PORT", "kafka.port", "KAFKA_CONTROLLER_PORT", "kafka.controller-port"));
    }

    TestStack withMongo() {
        return infrastructure("mongo", Map.of("MONGO_PORT", "mongo.port"));
    }

    /** A stub service on free ports; {@code extra} are further topology keys of it (without the name prefix). */
    TestStack stub(String name, int wave, Map<String, String> extra) {
        processes.add(name);
        put(name + ".kind", "service");
        put(name + ".wave", String.valueOf(wave));
        put(name + ".main-class", StubService.class.getName());
        put(name + ".classpath", MODULE.resolve("target/test-classes").toString());
        put(name + ".java-opts", "-Xmx24m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss256k -XX:-UsePerfData");
        ports.put(name + ".port", Ports.freePort());
        ports.put(name + ".management-port", Ports.freePort());
        put(name + ".port", String.valueOf(ports.get(name + ".port")));
        put(name + ".management-port", String.valueOf(ports.get(name + ".management-port")));
        extra.forEach((key, value) -> put(name + "." + key, value));
        return this;
    }

    TestStack set(String key, String value) {
        put(key, value);
        return this;
    }

    TestStack env(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    /** A port of a process: {@code port("kafka.port")}, {@code port("stub.management-port")}. */
    int port(String key) {
        return ports.get(key);
    }

    List<Integer> allPorts() {
        return List.copyOf(ports.values());
    }

    Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    TestStack write() {
        Properties written = new Properties();
        written.putAll(topology);
        written.setProperty("processes", String.join(",", processes));
        REAL.stringPropertyNames().stream().filter(key -> key.startsWith("services."))
                .filter(key -> processes.contains("kafka") || !REAL.getProperty(key).contains("${port:kafka}"))
                .filter(key -> processes.contains("mongo") || !REAL.getProperty(key).contains("${port:mongo}"))
                .forEach(key -> written.setProperty(key, REAL.getProperty(key)));
        try (Writer writer = Files.newBufferedWriter(directory.resolve("topology.properties"), StandardCharsets.UTF_8)) {
            written.store(writer, "a stack of the launcher's tests");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    LauncherRun start(String... args) {
        return LauncherRun.start(this, directory.resolve("launcher-" + ++launches + ".out"), args);
    }

    private TestStack infrastructure(String name, Map<String, String> portVariables) {
        processes.add(name);
        REAL.stringPropertyNames().stream().filter(key -> key.startsWith(name + "."))
                .forEach(key -> put(key, REAL.getProperty(key)));
        portVariables.forEach((variable, key) -> {
            ports.put(key, Ports.freePort());
            environment.put(variable, String.valueOf(ports.get(key)));
        });
        return this;
    }

    private void put(String key, String value) {
        topology.setProperty(key, value);
    }

    private static final Properties REAL = load(REAL_TOPOLOGY);

    static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
