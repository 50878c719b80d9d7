package org.conference.common.events;

/** One access code of a meeting room's keychain; role 1 host, 2 participant, 3 listener. */
public record MeetingKey(long id, String accessCode, int role) {
}
