package org.conference.meeting.support;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every decision reads, so tests can move time instead of waiting for it. */
@Configuration(proxyBeanMethods = false)
class TimeSource {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
