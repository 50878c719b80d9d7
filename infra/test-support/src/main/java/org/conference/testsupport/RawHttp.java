package org.conference.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: the only way to send what a well-behaved client (Reactor
 * Netty's, {@code java.net.http}'s) refuses to, such as a 10 KB request line or a header name with a space, and so
 * to reach the server's own HTTP decoder. {@link #exchange} closes its connection and reads the answer to the end;
 * a {@link Connection} stays open for as many requests as its test sends, one after the other or pipelined.
 */
public final class RawHttp {

    /** An answer; header names lower-cased, the body decoded from chunks where it came chunked. */
    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final int TIMEOUT_MS = 20_000;

    /**
     * One keep-alive connection to 127.0.0.1: requests go out as written (several in one {@link #send} are
     * pipelined), answers are read one at a time, each by its {@code Content-Length} or its chunks.
     */
    public static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;

        private Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
        }

        /** Connects; {@link #next} waits at most {@code answerTimeout} for each answer. */
        public static Connection open(int port, Duration answerTimeout) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
                socket.setSoTimeout(Math.toIntExact(answerTimeout.toMillis()));
                return new Connection(socket);
            } catch (IOException e) {
                closeQuietly(socket);
                throw new UncheckedIOException("cannot connect to port " + port, e);
            }
        }

        /** Writes {@code requests} (CRLF line ends, ISO-8859-1) in one write. */
        public void send(String... requests) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(String.join("", requests).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot send on port " + socket.getPort(), e);
            }
        }

        /** The next answer on this connection. */
        public Response next() {
            try {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                String head = readLinesUntilBlank(raw);
                String lowerHead = head.toLowerCase(Locale.ROOT);
                if (lowerHead.contains("\r\ntransfer-encoding: chunked")) {
                    copyChunks(raw);
                } else {
                    raw.write(in.readNBytes(contentLength(lowerHead)));
                }
                return parse(raw.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException("no complete answer from port " + socket.getPort() + " within "
                        + timeoutMillis() + " ms", e);
            }
        }

        private int timeoutMillis() {
            try {
                return socket.getSoTimeout();
            } catch (IOException e) {
                return -1;
            }
        }

        private String readLinesUntilBlank(ByteArrayOutputStream raw) throws IOException {
            int start = raw.size();
            while (true) {
                String line = readLine(raw);
                if (line.isEmpty()) {
                    return raw.toString(StandardCharsets.ISO_8859_1).substring(start);
                }
            }
        }

        /** One line, its CRLF copied to {@code raw} but not returned. */
        private String readLine(ByteArrayOutputStream raw) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); ; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed in the middle of an answer");
                }
                raw.write(c);
                if (c == '\n') {
                    return line.toString().strip();
                }
                line.append((char) c);
            }
        }

        private void copyChunks(ByteArrayOutputStream raw) throws IOException {
            while (true) {
                int size = Integer.parseInt(readLine(raw).split(";")[0].trim(), 16);
                if (size == 0) {
                    readLinesUntilBlank(raw);
                    return;
                }
                raw.write(in.readNBytes(size));
                readLine(raw);
            }
        }

        private static int contentLength(String lowerHead) {
            for (String line : lowerHead.split("\r\n")) {
                if (line.startsWith("content-length:")) {
                    return Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            return 0;
        }

        @Override
        public void close() {
            closeQuietly(socket);
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing was left to read or write on it
            }
        }
    }

    /** Sends {@code request} (CRLF line ends, ISO-8859-1) to 127.0.0.1:{@code port} and reads the whole answer. */
    public static Response exchange(int port, String request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readToEnd(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("no complete answer from port " + port, e);
        }
    }

    /** A GET with the given extra header lines (each without its CRLF) and {@code Connection: close}. */
    public static String get(String target, String... headerLines) {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        return request.append("Connection: close\r\n\r\n").toString();
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int read; (read = in.read(chunk)) >= 0; ) {
                all.write(chunk, 0, read);
            }
        } catch (IOException reset) {
            // A server that refuses a request may reset the connection after its answer: keep what came.
            if (all.size() == 0) {
                throw reset;
            }
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IllegalStateException("not an HTTP answer: " + text);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.put(name, lines[i].substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrlf(chunked, at);
            String sizeField = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeField, 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("truncated chunked body");
    }

    private RawHttp() {
    }
}
