package org.conference.common.persistence;

import java.util.UUID;

import org.conference.testsupport.BackingServices;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

/**
 * The test-support MongoDB (a container, or the in-process wire server) and a fresh collection per test, dropped
 * after it; register it with {@code @RegisterExtension}.
 */
final class TestMongo implements AfterEachCallback {

    private static final String DATABASE = "persistence_patterns";

    private final MongoClient client = MongoClients.create(BackingServices.mongo().uri(DATABASE));
    final ReactiveMongoTemplate template = new ReactiveMongoTemplate(client, DATABASE);
    final String collection = "parcels_" + UUID.randomUUID().toString().replace("-", "");
    final OptimisticWrites writes = new OptimisticWrites(template);

    Parcel insert(Parcel parcel) {
        return template.insert(parcel, collection).block();
    }

    Parcel stored(String id) {
        return template.findById(id, Parcel.class, collection).block();
    }

    org.bson.Document raw(String id) {
        return template.findById(id, org.bson.Document.class, collection).block();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        template.getCollectionNames().filter(name -> name.startsWith(collection))
                .concatMap(template::dropCollection).then().block();
        client.close();
    }
}
