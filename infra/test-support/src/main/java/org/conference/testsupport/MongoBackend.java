package org.conference.testsupport;

/** A running MongoDB (or MongoDB-wire server) for tests. */
public interface MongoBackend {

    /** A connection string selecting {@code database}. */
    String uri(String database);

    /** "testcontainers" or "embedded", for test reports. */
    String kind();
}
