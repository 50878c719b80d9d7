package org.conference.media.support;

import java.time.Duration;

import org.conference.common.metrics.RefreshedGauges;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gauges of stored state, read from Mongo at start-up and every refresh interval (common-model's metrics); 5 s by
 * default, since the files reading sums every descriptor.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfig {

    @Bean
    RefreshedGauges refreshedGauges(MeterRegistry meters,
            @Value("${conference.metrics.refresh-interval:PT5S}") Duration interval) {
        return new RefreshedGauges(meters, interval);
    }
}
