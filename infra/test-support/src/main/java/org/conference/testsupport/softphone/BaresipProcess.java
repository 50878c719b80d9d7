package org.conference.testsupport.softphone;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.conference.testsupport.processes.ChildProcess;
import org.conference.testsupport.processes.FreePorts;

/**
 * One running baresip: its directory (configuration, log, sound dumps), its process and the control connection to it.
 * The process is killed when the JVM exits ({@link ChildProcess}).
 *
 * @param options     how it behaves
 * @param directory   its configuration directory, also where it writes its log and dumps
 * @param sipPort     its SIP port (UDP and TCP)
 * @param process     the baresip process
 * @param events      what its ctrl_tcp reported
 * @param control     the ctrl_tcp connection
 * @param startupTime from starting the process to its control port accepting
 */
record BaresipProcess(SoftphoneOptions options, Path directory, int sipPort, ChildProcess process, EventLog events,
        ControlChannel control, Duration startupTime) implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_GRACE = Duration.ofSeconds(3);
    private static final int START_ATTEMPTS = 3;

    static BaresipProcess start(SoftphoneOptions options) {
        BaresipInstallation baresip = BaresipInstallation.find().orElseThrow(() -> new IllegalStateException(
                "baresip is not installed (apt-get install baresip-core)"));
        Path directory = createDirectory(options.user());
        String lastLog = "";
        // A free port can be taken by another build between the check and baresip's bind: then it exits, try again.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            BaresipConfig config = new BaresipConfig(options, freeSipPort(), FreePorts.next(), directory,
                    baresip.moduleDir());
            write(directory.resolve("config"), config.config());
            write(directory.resolve("accounts"), config.accounts());
            long started = System.nanoTime();
            ChildProcess process = ChildProcess.startProgram("baresip-" + options.user(),
                    List.of(baresip.executable().toString(), "-f", directory.toString()), directory,
                    directory.resolve("baresip.log"));
            EventLog events = new EventLog();
            Optional<ControlChannel> control = connect(process, config.controlPort(), options.user(), events);
            if (control.isPresent()) {
                return new BaresipProcess(options, directory, config.sipPort(), process, events, control.get(),
                        Duration.ofNanos(System.nanoTime() - started));
            }
            lastLog = process.logTail(30);
            process.close();
        }
        delete(directory);
        throw new IllegalStateException("baresip did not start in " + START_ATTEMPTS + " attempts; its log ends:\n"
                + lastLog);
    }

    String log() {
        try {
            return new String(Files.readAllBytes(process.log()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    String logTail() {
        return "baresip log (" + process.log() + ") ends:\n" + process.logTail(40);
    }

    Optional<Duration> cpuTime() {
        return ProcessHandle.of(process.pid()).flatMap(handle -> handle.info().totalCpuDuration());
    }

    @Override
    public void close() {
        control.close();
        process.stop(STOP_GRACE);
        process.close();
        delete(directory);
    }

    /** Waits for the process's ctrl_tcp to accept a connection; empty when the process exited or never listened. */
    private static Optional<ControlChannel> connect(ChildProcess process, int port, String name, EventLog events) {
        AtomicReference<ControlChannel> control = new AtomicReference<>();
        try {
            await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> {
                if (!process.isAlive()) {
                    return true;
                }
                try {
                    control.set(ControlChannel.connect(name, port, events));
                    return true;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        }
        if (control.get() != null && !process.isAlive()) {
            control.get().close();
            return Optional.empty();
        }
        return Optional.ofNullable(control.get());
    }

    /** A port free for SIP over UDP and TCP whose next port is free for baresip's TLS listener. */
    private static int freeSipPort() {
        for (int tries = 0; tries < 50; tries++) {
            int port = FreePorts.next();
            if (port < 65535 && freeUdp(port) && freeTcp(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no two adjacent free ports on loopback");
    }

    private static boolean freeTcp(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static boolean freeUdp(int port) {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try (DatagramSocket socket = new DatagramSocket(address)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static Path createDirectory(String user) {
        try {
            return Files.createTempDirectory("softphone-" + user + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for softphone " + user, e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
