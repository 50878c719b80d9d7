package org.conference.e2e;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A range of UDP ports for the SIP edge's RTP, below the OS's ephemeral range (32768 on), where {@code FreePorts} and
 * every client socket take theirs: so a softphone's SIP port or another process's socket does not land in it later.
 * The edge skips a port another process holds anyway; this only keeps that rare.
 */
final class RtpPorts {

    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;

    private RtpPorts() {
    }

    /** The first port (even) of {@code count} consecutive UDP ports on loopback that were all free a moment ago. */
    static int freeRange(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - count) & ~1;
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " free UDP ports in a row between " + LOWEST + " and " + HIGHEST);
    }

    private static boolean allFree(int first, int count) {
        List<DatagramSocket> held = new ArrayList<>();
        try {
            for (int port = first; port < first + count; port++) {
                held.add(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            held.forEach(DatagramSocket::close);
        }
    }
}
