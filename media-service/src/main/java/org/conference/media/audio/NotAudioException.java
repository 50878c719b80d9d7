package org.conference.media.audio;

/** The bytes are not audio of a supported kind, or their duration cannot be told. */
public class NotAudioException extends RuntimeException {

    public NotAudioException(String message) {
        super(message);
    }

    public NotAudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
