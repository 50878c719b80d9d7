package org.conference.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What media-service reports about a subscriber's files, on {@link Topics#MEDIA_EVENTS} keyed by subscriber sid.
 * {@code meetingNumber} is set for recordings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaEvent(
        String id,
        String type,
        String subscriberSid,
        long occurredAt,
        FileDescriptor file,
        Long meetingNumber) {

    public static final String FILE_STORED = "file.stored";
    public static final String FILE_DELETED = "file.deleted";
    public static final String RECORDING_AVAILABLE = "recording.available";

    /** The reference's File Descriptor object: duration in milliseconds, size in bytes. */
    public record FileDescriptor(String name, long size, long duration, String url) {
    }
}
