package org.conference.common.webhooks;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which URLs may receive webhooks (ARCHITECTURE.md §5), the one rule for the service that stores a callback URL and
 * the one that delivers to it. Never deliverable: anything but http/https, no host, credentials in the URL, a port out
 * of range. Refused unless {@code conference.callbacks.allow-private-targets} is true: private, loopback, link-local,
 * multicast, unspecified and reserved addresses, whatever spelling of an IPv4 literal (decimal, hex, octal, fewer
 * than four parts) or IPv6 literal (IPv4-mapped, -compatible, NAT64, 6to4) names them, and host names that only
 * ever mean this machine or its network ({@code localhost}, {@code *.local}, {@code *.internal}, single labels).
 *
 * <p>{@link #refusal(String)} looks at the URL alone and never resolves a name, so it may run on an event loop. A host
 * name that resolves to a private address passes it; the delivering side must resolve the name (off the event loop)
 * and check every address it gets with {@link #refusal(InetAddress)} before connecting.
 */
public final class CallbackTargetPolicy {

    public static final String ALLOW_PRIVATE_TARGETS_PROPERTY = "conference.callbacks.allow-private-targets";
    public static final int MAX_URL_LENGTH = 2048;

    private static final String PRIVATE_TARGET =
            "must not target a private, loopback, link-local, multicast, unspecified or reserved address";
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");
    private static final Pattern NUMERIC_HOST = Pattern.compile("[0-9a-fx.]+");
    private static final List<String> LOCAL_SUFFIXES = List.of(".localhost", ".local", ".internal", ".home.arpa",
            ".localdomain", ".lan", ".intranet");
    private static final List<String> LOCAL_NAMES = List.of("localhost", "ip6-localhost", "ip6-loopback",
            "localhost.localdomain");

    private static final List<Block> REFUSED_IPV4 = List.of(
            Block.of(0, 0, 0, 0, 8),        // "this network", includes the unspecified 0.0.0.0
            Block.of(10, 0, 0, 0, 8),
            Block.of(100, 64, 0, 0, 10),    // carrier-grade NAT
            Block.of(127, 0, 0, 0, 8),
            Block.of(169, 254, 0, 0, 16),   // link-local, cloud metadata endpoints
            Block.of(172, 16, 0, 0, 12),
            Block.of(192, 0, 0, 0, 24),     // IETF protocol assignments
            Block.of(192, 0, 2, 0, 24),     // documentation
            Block.of(192, 88, 99, 0, 24),   // 6to4 relay anycast
            Block.of(192, 168, 0, 0, 16),
            Block.of(198, 18, 0, 0, 15),    // benchmarking
            Block.of(198, 51, 100, 0, 24),  // documentation
            Block.of(203, 0, 113, 0, 24),   // documentation
            Block.of(224, 0, 0, 0, 4),      // multicast
            Block.of(240, 0, 0, 0, 4));     // reserved, includes broadcast 255.255.255.255

    private final boolean allowPrivateTargets;

    public CallbackTargetPolicy(boolean allowPrivateTargets) {
        this.allowPrivateTargets = allowPrivateTargets;
    }

    public boolean allowsPrivateTargets() {
        return allowPrivateTargets;
    }

    /** Why {@code url} may not be a callback target, judged without resolving names; empty when it may. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isEmpty()) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return Optional.of("must not contain credentials");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return Optional.of("must use a port from 1 to 65535");
        }
        return hostRefusal(uri.getHost());
    }

    /** Why a resolved address may not be called; the delivering side checks every address a name resolves to. */
    public Optional<String> refusal(InetAddress address) {
        return allowPrivateTargets || !isPrivate(address) ? Optional.empty() : Optional.of(PRIVATE_TARGET);
    }

    private Optional<String> hostRefusal(String rawHost) {
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("[")) {
            return ipv6Literal(host).map(this::refusal).orElse(Optional.of("must name a valid IPv6 address"));
        }
        if (NUMERIC_HOST.matcher(host).matches() && looksNumeric(host)) {
            return Ipv4Literals.parse(host).map(this::refusal)
                    .orElse(Optional.of("must name a valid IPv4 address or host name"));
        }
        if (!HOST_NAME.matcher(host).matches()) {
            return Optional.of("must name a valid host (international names in their xn-- form)");
        }
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        boolean local = LOCAL_NAMES.contains(host) || LOCAL_SUFFIXES.stream().anyMatch(host::endsWith)
                || !host.contains(".");
        return local ? Optional.of(PRIVATE_TARGET) : Optional.empty();
    }

    /** A host whose last label is a number is an address to every resolver (a top-level domain never is). */
    private static boolean looksNumeric(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        return last.isEmpty() || Ipv4Literals.isNumber(last);
    }

    /** A bracketed IPv6 literal; zone ids are refused (they only ever name an interface of this machine). */
    private static Optional<InetAddress> ipv6Literal(String bracketed) {
        if (!bracketed.endsWith("]") || bracketed.contains("%")) {
            return Optional.empty();
        }
        String literal = bracketed.substring(1, bracketed.length() - 1);
        if (!literal.matches("[0-9a-f:.]+")) {
            return Optional.empty();
        }
        try {
            // A literal of hex digits, colons and dots is parsed, never looked up.
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address instanceof Inet4Address) {
            return isPrivateIpv4(address.getAddress());
        }
        byte[] bytes = address.getAddress();
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        int first = bytes[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return true; // unique local fc00::/7
        }
        if (first == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && (bytes[3] & 0xff) == 0xb8) {
            return true; // documentation 2001:db8::/32
        }
        return embeddedIpv4(bytes).map(CallbackTargetPolicy::isPrivateIpv4).orElse(false);
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) one. */
    private static Optional<byte[]> embeddedIpv4(byte[] v6) {
        boolean zeroPrefix = allZero(v6, 0, 10);
        boolean mapped = zeroPrefix && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && v6[10] == 0 && v6[11] == 0;
        boolean nat64 = (v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff
                && (v6[3] & 0xff) == 0x9b && allZero(v6, 4, 12);
        if (mapped || compatible || nat64) {
            return Optional.of(new byte[] {v6[12], v6[13], v6[14], v6[15]});
        }
        if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
            return Optional.of(new byte[] {v6[2], v6[3], v6[4], v6[5]});
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPrivateIpv4(byte[] v4) {
        long value = ((v4[0] & 0xffL) << 24) | ((v4[1] & 0xffL) << 16) | ((v4[2] & 0xffL) << 8) | (v4[3] & 0xffL);
        return REFUSED_IPV4.stream().anyMatch(block -> block.contains(value));
    }

    private record Block(long network, int prefix) {
        static Block of(int a, int b, int c, int d, int prefix) {
            return new Block(((long) a << 24) | ((long) b << 16) | ((long) c << 8) | d, prefix);
        }

        boolean contains(long address) {
            long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
            return (address & mask) == network;
        }
    }
}
