package org.conference.media.files;

import org.conference.common.metrics.RefreshedGauges;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Tags;

/**
 * {@code conference_media_files_stored} and {@code conference_media_stored_bytes}: the live files of every subscriber
 * (recordings included) and their size, read from the descriptors at start-up and every refresh, so they are right
 * after a restart and the same on every instance (aggregate with max), unlike the upload counters.
 */
@Component
class StoredFilesGauges {

    StoredFilesGauges(RefreshedGauges gauges, FileDescriptors descriptors) {
        gauges.reading("the stored files", new FileDescriptors.Usage(0, 0), descriptors::usage)
                .gauge("conference.media.files.stored", "Files kept (uploads and recordings)", null, Tags.empty(),
                        FileDescriptors.Usage::files)
                .gauge("conference.media.stored", "Bytes of the files kept", "bytes", Tags.empty(),
                        FileDescriptors.Usage::bytes);
    }
}
