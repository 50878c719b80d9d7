package org.conference.common.events;

/** The Kafka topics of ARCHITECTURE.md §4. Names are part of the contract between services: never rename one. */
public final class Topics {

    public static final String SUBSCRIBERS = "conference.provisioning.subscribers";
    public static final String DID_GROUPS = "conference.provisioning.did-groups";
    public static final String DIDS = "conference.provisioning.dids";
    public static final String MEETING_ROOMS = "conference.provisioning.meeting-rooms";
    public static final String TELEPHONY_EVENTS = "conference.telephony.events";
    public static final String TELEPHONY_COMMANDS = "conference.telephony.commands";
    public static final String MEETING_EVENTS = "conference.meeting.events";
    public static final String MEDIA_EVENTS = "conference.media.events";

    /** Where a record goes after bounded retries have failed: never dropped silently. */
    public static String deadLetter(String topic) {
        return topic + "-dlt";
    }

    private Topics() {
    }
}
