package org.conference.localstack.mongo;

/**
 * Current MongoDB drivers (and Boot's Mongo health check) greet a server with {@code hello}, which mongo-java-server
 * does not know; its older synonym {@code isMaster} answers the same question.
 */
final class HelloCommand {

    static String understood(String command) {
        return "hello".equalsIgnoreCase(command) ? "isMaster" : command;
    }

    private HelloCommand() {
    }
}
