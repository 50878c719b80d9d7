package org.conference.meeting.support;

import java.time.Duration;

import org.conference.common.metrics.RefreshedGauges;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/** Gauges of stored state (live meetings and calls), read from Mongo at start-up and every refresh interval. */
@Configuration(proxyBeanMethods = false)
class MetricsConfig {

    @Bean
    RefreshedGauges refreshedGauges(MeterRegistry meters,
            @Value("${conference.metrics.refresh-interval:PT2S}") Duration interval) {
        return new RefreshedGauges(meters, interval);
    }
}
