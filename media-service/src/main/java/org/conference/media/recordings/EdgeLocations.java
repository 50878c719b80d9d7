package org.conference.media.recordings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import org.conference.media.support.MediaProperties;
import org.springframework.stereotype.Component;

/**
 * The SSRF guard of recording fetches: a {@code recordingLocation} is fetched only when it lies under one of the
 * configured edge base URLs, the same scheme, host and port and below the base's path, after normalisation (no
 * {@code ..} climbing out of it, no user info, no look-alike host such as {@code localhost:8095.evil.example}).
 */
@Component
class EdgeLocations {

    private final List<URI> bases;

    EdgeLocations(MediaProperties properties) {
        this.bases = properties.edgeBaseUrls().stream().map(String::trim).filter(base -> !base.isEmpty())
                .map(URI::create).map(URI::normalize).toList();
    }

    boolean allows(String location) {
        if (location == null) {
            return false;
        }
        URI target;
        try {
            target = new URI(location).normalize();
        } catch (URISyntaxException malformed) {
            return false;
        }
        if (!target.isAbsolute() || target.getRawUserInfo() != null || target.getHost() == null
                || target.getRawPath() == null || target.getRawPath().contains("..")) {
            return false;
        }
        return bases.stream().anyMatch(base -> within(base, target));
    }

    private static boolean within(URI base, URI target) {
        String basePath = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        String prefix = basePath.endsWith("/") ? basePath : basePath + "/";
        return base.getScheme().equalsIgnoreCase(target.getScheme())
                && base.getHost().toLowerCase(Locale.ROOT).equals(target.getHost().toLowerCase(Locale.ROOT))
                && port(base) == port(target)
                && (target.getRawPath() + "/").startsWith(prefix);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
