package org.conference.gateway.balancing;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The beans of each service's LoadBalancer child context (registered as the default configuration). Deliberately not
 * a {@code @Configuration}: component scanning must not put these into the main context.
 */
class PerServiceBalancing {

    @Bean
    ServiceInstanceListSupplier directoryInstanceSupplier(Environment environment, ServiceDirectory directory,
            InstanceHealth health) {
        String serviceId = environment.getRequiredProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        return new DirectoryInstanceSupplier(serviceId, directory, health);
    }

    @Bean
    LoadBalancerLifecycle<Object, Object, ServiceInstance> connectFailureRecorder(InstanceHealth health) {
        return new ConnectFailureRecorder(health);
    }
}
