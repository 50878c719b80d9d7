package org.conference.edge.media.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The even RTP ports of the configured range. A port another process holds is skipped (and tried again later), so the
 * edge shares a machine; a released port goes to the back of the queue, so a late packet of an ended call does not
 * land in the next call on the same port at once.
 */
final class PortPool {

    private final String host;
    private final Deque<Integer> free = new ArrayDeque<>();

    PortPool(String host, int min, int max) {
        this.host = host;
        for (int port = min + (min & 1); port <= max; port += 2) {
            free.add(port);
        }
    }

    /** A non-blocking channel bound to a free port of the range; empty when every port is taken. */
    synchronized Optional<DatagramChannel> bind() {
        for (int tries = free.size(); tries > 0; tries--) {
            int port = free.poll();
            try {
                DatagramChannel channel = DatagramChannel.open();
                try {
                    channel.bind(new InetSocketAddress(host, port));
                    channel.configureBlocking(false);
                    return Optional.of(channel);
                } catch (IOException e) {
                    channel.close();
                    free.add(port);
                }
            } catch (IOException e) {
                free.add(port);
            }
        }
        return Optional.empty();
    }

    synchronized void release(int port) {
        free.add(port);
    }

    synchronized int available() {
        return free.size();
    }
}
