package org.conference.callback.support;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every schedule reads. */
@Configuration(proxyBeanMethods = false)
class TimeSource {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
