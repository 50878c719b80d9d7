package org.conference.localstack.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The local stack's MongoDB: a MongoDB-wire server persisted to {@code <data dir>/mongo.mv}. Usage:
 * {@code WireMongoServer <host> <port> <data dir>}. Stops cleanly (flushing the store) on SIGTERM/SIGINT.
 */
public final class WireMongoServer {

    public static void main(String[] args) throws Exception {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
        Path dataDir = Path.of(args.length > 2 ? args[2] : ".local/mongo");
        Files.createDirectories(dataDir);

        PersistentMongoBackend backend = new PersistentMongoBackend(dataDir.resolve("mongo.mv").toString());
        MongoServer server = new MongoServer(backend);
        server.bind(host, port);
        System.out.println("MongoDB-wire server listening on " + host + ":" + port + ", data in " + dataDir);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            backend.close();
            stopped.countDown();
        }, "mongo-shutdown"));
        stopped.await();
    }

    private WireMongoServer() {
    }
}
