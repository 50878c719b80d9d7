package org.conference.localstack.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Prepares the real broker before it starts: writes its configuration (KRaft combined mode, sized for a small heap)
 * and formats its storage on the first start only, so a restart keeps every topic and offset.
 */
public final class KafkaBroker {

    private static final long FORMAT_TIMEOUT_SECONDS = 180;

    private final StackHome home;
    private final Console console;

    public KafkaBroker(StackHome home, Console console) {
        this.home = home;
        this.console = console;
    }

    public Path data() {
        return home.kafka().resolve("data");
    }

    /** The broker's JVM flag and program arguments. */
    public record Configuration(List<String> jvmFlags, List<String> args) {
    }

    public Configuration prepare(Instance kafka, String bind, String host, Path java, String classpath) {
        try {
            Path config = home.config().resolve("kafka");
            Files.createDirectories(config);
            Files.createDirectories(data());
            Path serverProperties = config.resolve("server.properties");
            Map<String, String> values = Map.of("bind", bind, "host", host,
                    "port", String.valueOf(kafka.port(PortRole.MAIN)),
                    "controller-port", String.valueOf(kafka.port(PortRole.CONTROLLER)),
                    "data", data().toString());
            Files.writeString(serverProperties, Placeholders.resolve(resource("kafka-server.properties"),
                    reference -> values.get(reference.name())), StandardCharsets.UTF_8);
            Path logging = config.resolve("log4j2.yaml");
            Files.writeString(logging, resource("kafka-log4j2.yaml"), StandardCharsets.UTF_8);
            String loggingFlag = "-Dlog4j2.configurationFile=" + logging;
            Optional<String> cluster = clusterOfExistingStorage();
            if (cluster.isPresent()) {
                console.say("reusing Kafka data in " + home.display(data()) + " (cluster " + cluster.get() + ")");
            } else {
                format(java, classpath, loggingFlag, serverProperties);
            }
            return new Configuration(List.of(loggingFlag), List.of(serverProperties.toString()));
        } catch (IOException e) {
            throw new LaunchException("cannot prepare Kafka in " + home.display(home.kafka()) + ": " + e.getMessage());
        }
    }

    private Optional<String> clusterOfExistingStorage() throws IOException {
        Path meta = data().resolve("meta.properties");
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            properties.load(in);
        }
        return Optional.of(properties.getProperty("cluster.id", "?"));
    }

    private void format(Path java, String classpath, String loggingFlag, Path serverProperties) throws IOException {
        String cluster = newClusterId();
        console.say("formatting Kafka storage (first start) in " + home.display(data()));
        Path log = home.logs().resolve("kafka-format.log");
        Process format = new ProcessBuilder(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                loggingFlag, "kafka.tools.StorageTool", "format", "-t", cluster, "-c", serverProperties.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done;
        try {
            done = format.waitFor(FORMAT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (!done || format.exitValue() != 0) {
            format.destroyForcibly();
            console.tail(log, home.display(log));
            throw new LaunchException("formatting the Kafka storage failed (log: " + home.display(log) + ")");
        }
        Files.writeString(home.kafka().resolve("cluster.id"), cluster + "\n", StandardCharsets.US_ASCII);
    }

    /**
     * A cluster id as Kafka's {@code StorageTool random-uuid} makes it: 16 random bytes, URL-safe base64 without
     * padding, never starting with '-' (it would read as a command-line option). Saves starting a JVM for it.
     */
    static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static String resource(String name) {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
