package org.conference.gateway.balancing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** All addresses of a host name (every A record of a scaled compose service). Blocking: call off the event loop. */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
