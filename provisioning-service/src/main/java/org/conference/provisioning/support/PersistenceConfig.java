package org.conference.provisioning.support;

import org.conference.common.persistence.GuardedDeletion;
import org.conference.common.persistence.OptimisticWrites;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The shared guarded-write patterns (common-model's persistence), over this service's database. */
@Configuration(proxyBeanMethods = false)
class PersistenceConfig {

    @Bean
    OptimisticWrites optimisticWrites(ReactiveMongoTemplate mongo) {
        return new OptimisticWrites(mongo);
    }

    @Bean
    GuardedDeletion guardedDeletion(ReactiveMongoTemplate mongo, OptimisticWrites writes) {
        return new GuardedDeletion(mongo, writes);
    }
}
