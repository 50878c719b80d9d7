package org.conference.localstack.launcher;

/** A reason not to go on that the user must read: printed as an error, then the launcher exits with the status. */
public class LaunchException extends RuntimeException {

    private final int exitStatus;

    public LaunchException(String message) {
        this(message, 1);
    }

    public LaunchException(String message, int exitStatus) {
        super(message);
        this.exitStatus = exitStatus;
    }

    public int exitStatus() {
        return exitStatus;
    }
}
