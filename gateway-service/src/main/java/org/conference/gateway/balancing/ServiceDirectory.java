package org.conference.gateway.balancing;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The instances of every service: each configured URL's host resolved to all its addresses, again every refresh
 * interval. A failed lookup keeps the last known instances (a DNS hiccup must not empty a healthy pool); a host that
 * resolves to IPv4 addresses is used over those only, since compose networks and the services listen on IPv4.
 */
public class ServiceDirectory implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ServiceDirectory.class);

    private final Map<String, List<ServiceEndpoint>> configured;
    private final HostResolver resolver;
    private final Duration refreshInterval;
    private final Map<ServiceEndpoint, List<InetAddress>> lastResolved = new ConcurrentHashMap<>();
    private final Map<String, List<ServiceInstance>> instances = new ConcurrentHashMap<>();
    private volatile Disposable refresher;

    public ServiceDirectory(Map<String, List<ServiceEndpoint>> configured, HostResolver resolver,
            Duration refreshInterval) {
        this.configured = Map.copyOf(configured);
        this.resolver = resolver;
        this.refreshInterval = refreshInterval;
    }

    /** The instances last resolved for {@code serviceId}; empty when unknown or nothing resolved yet. */
    public List<ServiceInstance> instances(String serviceId) {
        return instances.getOrDefault(serviceId, List.of());
    }

    /** Resolves every configured host now. Blocking. */
    public void refresh() {
        configured.forEach((serviceId, endpoints) -> {
            List<ServiceInstance> found = new ArrayList<>();
            for (ServiceEndpoint endpoint : endpoints) {
                for (InetAddress address : addressesOf(endpoint)) {
                    found.add(instance(serviceId, endpoint, address));
                }
            }
            List<ServiceInstance> previous = instances.put(serviceId, List.copyOf(found));
            if (previous == null || !sameAddresses(previous, found)) {
                log.info("{} instances: {}", serviceId, found.stream().map(ServiceInstance::getInstanceId).toList());
            }
        });
    }

    private List<InetAddress> addressesOf(ServiceEndpoint endpoint) {
        try {
            List<InetAddress> all = resolver.resolve(endpoint.host());
            List<InetAddress> v4 = all.stream().filter(Inet4Address.class::isInstance).toList();
            List<InetAddress> chosen = List.copyOf(new LinkedHashSet<>(v4.isEmpty() ? all : v4));
            lastResolved.put(endpoint, chosen);
            return chosen;
        } catch (UnknownHostException | RuntimeException e) {
            List<InetAddress> kept = lastResolved.getOrDefault(endpoint, List.of());
            log.warn("cannot resolve {} ({}); keeping {} known address(es)", endpoint.host(), e.getMessage(),
                    kept.size());
            return kept;
        }
    }

    private static ServiceInstance instance(String serviceId, ServiceEndpoint endpoint, InetAddress address) {
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress();
        String id = endpoint.scheme() + "://" + host + ":" + endpoint.port();
        return new DefaultServiceInstance(id, serviceId, host, endpoint.port(), endpoint.secure());
    }

    private static boolean sameAddresses(List<ServiceInstance> a, List<ServiceInstance> b) {
        Set<String> left = new LinkedHashSet<>(a.stream().map(ServiceInstance::getInstanceId).toList());
        Set<String> right = new LinkedHashSet<>(b.stream().map(ServiceInstance::getInstanceId).toList());
        return left.equals(right);
    }

    @Override
    public void start() {
        refresh();
        refresher = Flux.interval(refreshInterval, refreshInterval, Schedulers.boundedElastic())
                .subscribe(tick -> refresh(), e -> log.error("service address refresh stopped", e));
    }

    @Override
    public void stop() {
        Disposable running = refresher;
        if (running != null) {
            running.dispose();
        }
        refresher = null;
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }

    /** Early, so that the instances are known before the web server takes requests. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
