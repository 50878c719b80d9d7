package org.conference.edge.telephony;

/** A command record that was read but makes no sense (unknown type, missing call id or argument): dead-lettered. */
class InvalidCommandException extends RuntimeException {

    InvalidCommandException(String message) {
        super(message);
    }
}
