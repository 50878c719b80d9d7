package org.conference.testsupport.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A real Kafka broker (KRaft, broker and controller in one) in its own OS process on free loopback ports, from the
 * {@code kafka_2.13} jars on the test classpath, configured as the local stack's broker. Unlike the embedded broker it
 * can be frozen, stopped and restarted on the same data, so tests can show what the services do meanwhile.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xss512k", "-Djava.awt.headless=true");

    private final Path directory;
    private final int port;
    private final Path configuration;
    private final List<String> jvmOptions;
    private ChildProcess process;

    private KafkaBrokerProcess(Path directory) {
        this.directory = directory;
        this.port = FreePorts.next();
        this.configuration = directory.resolve("server.properties");
        Path logging = directory.resolve("logback.xml");
        this.jvmOptions = new ArrayList<>(JVM_OPTIONS);
        this.jvmOptions.add("-Dlogback.configurationFile=" + logging);
        writeConfiguration(FreePorts.next(), logging);
    }

    /** Formats fresh storage under {@code directory} and starts the broker; returns once it answers clients. */
    public static KafkaBrokerProcess start(Path directory) {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(directory);
        broker.format();
        broker.launch();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** SIGSTOP: connections stay open and go silent. */
    public void freeze() {
        process.freeze();
    }

    public void resume() {
        process.resume();
    }

    /** A clean shutdown (SIGTERM), keeping the data for {@link #restart()}. */
    public void stop() {
        process.stop(Duration.ofSeconds(60));
    }

    /** Starts again on the same ports and data; returns once it answers clients. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("the broker is still running");
        }
        launch();
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    private void launch() {
        process = ChildProcess.startJava("kafka", "kafka.Kafka", jvmOptions, List.of(configuration.toString()),
                Map.of(), directory.resolve("kafka.log"));
        awaitAnswering();
    }

    private void format() {
        ChildProcess format = ChildProcess.startJava("kafka-storage-format", "kafka.tools.StorageTool", jvmOptions,
                List.of("format", "-t", Uuid.randomUuid().toString(), "-c", configuration.toString()), Map.of(),
                directory.resolve("format.log"));
        int exit = format.waitFor(START_TIMEOUT);
        format.close();
        if (exit != 0) {
            throw new IllegalStateException("formatting the Kafka storage failed (" + exit + "):\n"
                    + format.logTail(40));
        }
    }

    private void awaitAnswering() {
        Properties client = new Properties();
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        client.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        client.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(client)) {
            Awaitility.await("Kafka broker on " + bootstrapServers()).atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .failFast("the broker exited", () -> !process.isAlive())
                    .ignoreExceptions()
                    .until(() -> !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty());
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new IllegalStateException(e.getMessage() + "; its log ends:\n" + process.logTail(60), e);
        }
    }

    private void writeConfiguration(int controllerPort, Path logging) {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=1",
                "default.replication.factor=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                // The log cleaner's default 128 MB dedupe buffer does not fit a small heap.
                "log.cleaner.dedupe.buffer.size=16777216",
                "log.cleaner.threads=1",
                "num.network.threads=2",
                "num.io.threads=2",
                "num.recovery.threads.per.data.dir=1",
                "background.threads=2",
                "");
        // The child logs through the test classpath's Logback, whose default without a file is DEBUG.
        String logback = """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>[%d] %level %msg \\(%logger\\)%n</pattern></encoder>
                  </appender>
                  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                  <logger name="kafka.server.BrokerServer" level="INFO"/>
                  <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """;
        try {
            Files.createDirectories(directory);
            Files.writeString(configuration, properties);
            Files.writeString(logging, logback);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the broker's configuration in " + directory, e);
        }
    }
}
