package org.conference.localstack.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/** The local stack's database: one H2 MVStore file that keeps data and indexes across restarts. */
public class PersistentMongoBackend extends H2Backend {

    public PersistentMongoBackend(String file) {
        super(file);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return super.handleCommand(channel, databaseName, HelloCommand.understood(command), query);
    }

    // also called from H2Backend's constructor for the databases already in the file: it may use only the parent's state
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
}
