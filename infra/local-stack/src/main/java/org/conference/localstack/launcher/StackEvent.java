package org.conference.localstack.launcher;

/** What interrupts a start or a running stack. */
public sealed interface StackEvent {

    /** SIGINT, SIGTERM or SIGHUP reached the launcher. */
    record StopRequested(String signal) implements StackEvent {
    }

    /** A process ended on its own. */
    record ProcessEnded(RunningProcess process) implements StackEvent {
    }
}
