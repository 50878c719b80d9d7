package org.conference.media.files;

import java.time.Clock;
import java.util.UUID;

import org.conference.common.events.MediaEvent;
import org.springframework.stereotype.Component;

/** The events of {@link org.conference.common.events.Topics#MEDIA_EVENTS}, each with an id of its own. */
@Component
class FileEvents {

    private final Clock clock = Clock.systemUTC();

    MediaEvent stored(FileDocument file) {
        return event(MediaEvent.FILE_STORED, file, null);
    }

    MediaEvent deleted(FileDocument file) {
        return event(MediaEvent.FILE_DELETED, file, null);
    }

    MediaEvent recordingAvailable(FileDocument file, long meetingNumber) {
        return event(MediaEvent.RECORDING_AVAILABLE, file, meetingNumber);
    }

    private MediaEvent event(String type, FileDocument file, Long meetingNumber) {
        return new MediaEvent(UUID.randomUUID().toString(), type, file.subscriberSid(), clock.millis(),
                file.descriptor(), meetingNumber);
    }
}
