package org.conference.common.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * IPv4 literals as {@code inet_aton} reads them, which is how curl, many HTTP clients and resolvers read a host:
 * one to four parts, each decimal, {@code 0x} hex or {@code 0}-prefixed octal, the last part filling the remaining
 * bytes ({@code 2130706433}, {@code 0x7f.1} and {@code 0177.0.0.1} are all 127.0.0.1).
 */
final class Ipv4Literals {

    private Ipv4Literals() {
    }

    static boolean isNumber(String part) {
        return parsePart(part) >= 0;
    }

    static Optional<InetAddress> parse(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parsePart(parts[i]);
            if (values[i] < 0) {
                return Optional.empty();
            }
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 0xff) {
                return Optional.empty();
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (4 - (parts.length - 1)))) {
            return Optional.empty();
        }
        address |= last;
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The part's value, or -1 when it is no number (or too large to be any part of an address). */
    private static long parsePart(String part) {
        if (part.isEmpty() || part.length() > 12) {
            return -1;
        }
        try {
            if (part.startsWith("0x")) {
                return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
