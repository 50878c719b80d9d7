package org.conference.gateway.balancing;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Passive health: an instance that refused a connection is left out for the quarantine period, then tried again.
 * When every instance of a service is out, all are offered anyway: a request that may succeed beats a certain 503.
 */
public class InstanceHealth {

    private static final Logger log = LoggerFactory.getLogger(InstanceHealth.class);

    private final Cache<String, Boolean> quarantined;

    public InstanceHealth(Duration quarantine) {
        this.quarantined = Caffeine.newBuilder().expireAfterWrite(quarantine).maximumSize(10_000).build();
    }

    public void markDown(ServiceInstance instance) {
        if (quarantined.asMap().put(key(instance), Boolean.TRUE) == null) {
            log.warn("{} instance {} refused a connection: skipped for a while", instance.getServiceId(),
                    instance.getInstanceId());
        }
    }

    public boolean isQuarantined(ServiceInstance instance) {
        return quarantined.getIfPresent(key(instance)) != null;
    }

    public List<ServiceInstance> usable(List<ServiceInstance> instances) {
        List<ServiceInstance> up = instances.stream().filter(instance -> !isQuarantined(instance)).toList();
        return up.isEmpty() ? instances : up;
    }

    private static String key(ServiceInstance instance) {
        return instance.getServiceId() + "|" + instance.getHost() + ":" + instance.getPort();
    }
}
