package org.conference.gateway.balancing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** One configured location of a service: a scheme, a host name (or address) and a port. */
public record ServiceEndpoint(String scheme, String host, int port) {

    /** Parses {@code "http://a:8081, http://b:8081"}; a URL without a port gets the scheme's default. */
    public static List<ServiceEndpoint> parseList(String serviceId, String urls) {
        List<ServiceEndpoint> endpoints = new ArrayList<>();
        for (String url : urls.split(",")) {
            if (!url.isBlank()) {
                endpoints.add(parse(serviceId, url.strip()));
            }
        }
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no URL configured for " + serviceId);
        }
        return List.copyOf(endpoints);
    }

    static ServiceEndpoint parse(String serviceId, String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL for " + serviceId + ": " + url);
        }
        boolean secure = "https".equalsIgnoreCase(scheme);
        int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        return new ServiceEndpoint(scheme.toLowerCase(), host, port);
    }

    public boolean secure() {
        return "https".equals(scheme);
    }
}
