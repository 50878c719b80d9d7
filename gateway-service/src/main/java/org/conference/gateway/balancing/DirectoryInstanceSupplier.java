package org.conference.gateway.balancing;

import java.util.List;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

import reactor.core.publisher.Flux;

/** Feeds Spring Cloud LoadBalancer's round robin with the resolved instances that are not quarantined. */
public class DirectoryInstanceSupplier implements ServiceInstanceListSupplier {

    private final String serviceId;
    private final ServiceDirectory directory;
    private final InstanceHealth health;

    public DirectoryInstanceSupplier(String serviceId, ServiceDirectory directory, InstanceHealth health) {
        this.serviceId = serviceId;
        this.directory = directory;
        this.health = health;
    }

    @Override
    public String getServiceId() {
        return serviceId;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        // Read at every choice (no caching layer): a quarantine or a DNS change applies to the next request.
        return Flux.defer(() -> Flux.just(health.usable(directory.instances(serviceId))));
    }
}
