package org.conference.testsupport.softphone;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connection to one baresip's {@code ctrl_tcp} module: commands go out as netstring JSON
 * ({@code {"command", "params", "token"}}), and a reader thread sorts what comes back into the answers to those
 * commands (matched by token) and the events, which it appends to an {@link EventLog}.
 */
final class ControlChannel implements AutoCloseable {

    private static final TypeReference<Map<String, Object>> MESSAGE = new TypeReference<>() {
    };
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private final String name;
    private final Socket socket;
    private final OutputStream out;
    private final EventLog events;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, CompletableFuture<Answer>> awaitingAnswer = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();
    private final Thread reader;

    /** baresip's answer to one command: whether it succeeded and what it printed. */
    record Answer(boolean ok, String data) {
    }

    private ControlChannel(String name, Socket socket, EventLog events) throws IOException {
        this.name = name;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.events = events;
        InputStream in = new BufferedInputStream(socket.getInputStream());
        this.reader = new Thread(() -> readAll(in), "softphone-" + name + "-events");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects to a ctrl_tcp listening on loopback {@code port}; fails at once when nothing listens there yet. */
    static ControlChannel connect(String name, int port, EventLog events) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    (int) CONNECT_TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            return new ControlChannel(name, socket, events);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Runs a command of baresip's command line ({@code dial}, {@code hangup}, {@code sndcode}, ...) and answers. */
    Answer command(String command, String params, Duration timeout) {
        String token = name + "-" + tokens.incrementAndGet();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("command", command);
        if (params != null) {
            message.put("params", params);
        }
        message.put("token", token);
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        awaitingAnswer.put(token, answer);
        try {
            String ended = events.endedBecause();
            if (ended != null) {
                throw new IllegalStateException(name + ": cannot run '" + command + "': " + ended);
            }
            send(json.writeValueAsBytes(message));
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + ": no answer to '" + command + "' within " + timeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + ": no answer to '" + command + "': " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted while waiting for '" + command + "'", e);
        } finally {
            awaitingAnswer.remove(token);
        }
    }

    private synchronized void send(byte[] payload) {
        try {
            out.write(Netstring.encode(payload));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot send to baresip's ctrl_tcp", e);
        }
    }

    private void readAll(InputStream in) {
        String ended = "baresip closed the control connection";
        try {
            for (byte[] payload = Netstring.read(in); payload != null; payload = Netstring.read(in)) {
                dispatch(json.readValue(payload, MESSAGE));
            }
        } catch (IOException | JacksonException e) {
            ended = socket.isClosed() ? "the control connection was closed here" : "control connection broke: " + e;
        } finally {
            events.end(ended);
            IllegalStateException gone = new IllegalStateException(ended);
            awaitingAnswer.values().forEach(answer -> answer.completeExceptionally(gone));
        }
    }

    private void dispatch(Map<String, Object> message) {
        if (Boolean.TRUE.equals(message.get("response"))) {
            CompletableFuture<Answer> answer = awaitingAnswer.get(String.valueOf(message.get("token")));
            if (answer != null) {
                answer.complete(new Answer(Boolean.TRUE.equals(message.get("ok")),
                        String.valueOf(message.getOrDefault("data", ""))));
            }
        } else if (message.containsKey("event")) {
            events.add(SoftphoneEvent.of(message));
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            reader.join(CONNECT_TIMEOUT.toMillis());
        } catch (IOException e) {
            // Closing is best effort: the process is killed right after.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
