package org.conference.gateway.throttling;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ThrottlingProperties.class)
class ThrottlingConfiguration {

    @Bean
    FailureThrottle failureThrottle(ThrottlingProperties properties) {
        return new FailureThrottle(properties, Clock.systemUTC());
    }
}
