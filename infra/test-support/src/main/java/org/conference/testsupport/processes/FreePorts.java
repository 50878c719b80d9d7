package org.conference.testsupport.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for child processes, which cannot be told "any free port" and report it back as an embedded server can. */
public final class FreePorts {

    /** A loopback port that was free a moment ago (another build may take it later; the window is small). */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private FreePorts() {
    }
}
