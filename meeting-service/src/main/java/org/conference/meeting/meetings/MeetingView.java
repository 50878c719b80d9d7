package org.conference.meeting.meetings;

import java.util.List;

import org.conference.common.events.AttributeSetting;
import org.conference.meeting.rules.Conference;

/**
 * The reference's Meeting object. {@code attributes} lists what was changed on the live meeting
 * ({@code PUT /meetings/{n}/attributes/{name}}) — empty at the start, as in the reference's samples; the full set in
 * force is {@code GET /meetings/{n}/attributes}. {@code participantCount} counts every caller in the meeting's mix, of
 * any role; callers waiting for the start are not in it ({@code conf_waiting_count} counts them). {@code state} 0
 * is a meeting whose callers wait for it to start, 1 one on hold, 2 an active one. {@code duration} is the seconds
 * since the meeting was created, computed when read.
 */
public record MeetingView(
        List<AttributeSetting> attributes,
        long created,
        long duration,
        int holdMode,
        long id,
        boolean isRecording,
        boolean isSecured,
        long meetingNumber,
        int muteMode,
        int participantCount,
        int qaMode,
        int state,
        String subscriberName,
        int type) {

    public static MeetingView of(Conference meeting, long now) {
        return new MeetingView(meeting.changedAttributes(), meeting.created(), CallView.seconds(meeting.created(), now),
                meeting.holdMode(), meeting.meetingId(), meeting.recording(), meeting.secured(),
                meeting.meetingNumber(), meeting.muteMode(), meeting.participants().size(), meeting.qaMode(),
                meeting.state(), meeting.subscriberName(), meeting.type());
    }
}
