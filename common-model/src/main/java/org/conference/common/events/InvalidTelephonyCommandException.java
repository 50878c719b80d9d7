package org.conference.common.events;

/** A command on {@link Topics#TELEPHONY_COMMANDS} that no edge can apply: it goes to the dead-letter topic. */
public class InvalidTelephonyCommandException extends RuntimeException {

    public InvalidTelephonyCommandException(String message) {
        super(message);
    }
}
