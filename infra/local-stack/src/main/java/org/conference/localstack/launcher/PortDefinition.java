package org.conference.localstack.launcher;

/**
 * One port of a process as the topology defines it.
 *
 * @param defaultPort used unless {@code variable} is set in the launcher's environment
 * @param variable the environment variable that moves it, or null
 */
public record PortDefinition(PortRole role, int defaultPort, String variable) {
}
