package org.conference.localstack.mongo;

import java.net.InetSocketAddress;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/** A backend served on a free loopback port and a client connected to it, as the services use the server. */
final class WireServer implements AutoCloseable {

    private final MongoBackend backend;
    private final MongoServer server;
    private final MongoClient client;

    WireServer(MongoBackend backend) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        this.client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    MongoBackend backend() {
        return backend;
    }

    /** Stops serving and closes the backend (an H2 backend flushes and closes its file). */
    @Override
    public void close() {
        client.close();
        server.shutdown();
    }
}
