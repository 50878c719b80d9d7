package org.conference.media.recordings;

/** The edge did not hand over a recording this time; worth another try. */
class RecordingFetchFailed extends RuntimeException {

    RecordingFetchFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
