package org.conference.gateway.balancing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Load spreading with Spring Cloud LoadBalancer: routes use {@code lb://<service-id>}, the round-robin balancer picks
 * among the instances of {@link ServiceDirectory}, minus those {@link InstanceHealth} has quarantined.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BalancingProperties.class)
@LoadBalancerClients(defaultConfiguration = PerServiceBalancing.class)
class BalancingConfiguration {

    @Bean
    HostResolver hostResolver() {
        return HostResolver.system();
    }

    @Bean
    ServiceDirectory serviceDirectory(BalancingProperties properties, HostResolver hostResolver) {
        Map<String, List<ServiceEndpoint>> endpoints = new LinkedHashMap<>();
        properties.services().forEach((id, urls) -> endpoints.put(id, ServiceEndpoint.parseList(id, urls)));
        return new ServiceDirectory(endpoints, hostResolver, properties.balancing().refreshInterval());
    }

    @Bean
    InstanceHealth instanceHealth(BalancingProperties properties) {
        return new InstanceHealth(properties.balancing().quarantine());
    }

    @Bean
    FailoverFilter failoverFilter(BalancingProperties properties) {
        return new FailoverFilter(properties.balancing().retries());
    }
}
