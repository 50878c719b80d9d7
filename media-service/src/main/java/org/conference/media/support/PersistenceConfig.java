package org.conference.media.support;

import org.conference.common.persistence.OptimisticWrites;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

@Configuration(proxyBeanMethods = false)
class PersistenceConfig {

    @Bean
    OptimisticWrites optimisticWrites(ReactiveMongoTemplate mongo) {
        return new OptimisticWrites(mongo);
    }
}
