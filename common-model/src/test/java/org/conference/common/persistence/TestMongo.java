package org.conference.common.persistence;

import java.util.UUID;

import org.conference.testsupport.BackingServices;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

/** The test-support MongoDB (a container, or the in-process wire server) and a fresh collection per test. */
final class TestMongo implements AutoCloseable {

    private static final String DATABASE = "persistence_patterns";

    private final MongoClient client = MongoClients.create(BackingServices.mongo().uri(DATABASE));
    final ReactiveMongoTemplate template = new ReactiveMongoTemplate(client, DATABASE);
    final String collection = "parcels_" + UUID.randomUUID().toString().replace("-", "");

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
    public void close() {
        template.dropCollection(collection).block();
        client.close();
    }
}
