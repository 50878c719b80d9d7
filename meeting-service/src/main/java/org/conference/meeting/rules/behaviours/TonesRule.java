package org.conference.meeting.rules.behaviours;

import static org.conference.common.events.MeetingEvent.CALL_JOINED;
import static org.conference.common.events.MeetingEvent.CALL_LEFT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.conference.meeting.rules.Conference;
import org.conference.meeting.rules.LiveMeeting;
import org.conference.meeting.rules.Outcome.Happening;
import org.conference.meeting.rules.Participant;

/**
 * {@code conference_entrytones} / {@code conference_exittones} {@code on}: the calls already in the mix hear
 * {@code entry-tone} when someone joins and {@code exit-tone} when someone leaves it. Coalesced per write: each
 * call hears at most one entry tone and one exit tone per write however many came and went in it, so a storm of
 * 1,000 joins applied in a few writes sends a few thousand tones, not half a million. Calls on hold hear music, not
 * tones, and coming or going on hold is not heard in the mix. {@code conference_entryexittones_dtmf} / {@code _binding} cycles the pair ON:ON → ON:OFF → OFF:ON →
 * OFF:OFF → ON:ON, changing both attributes in force, and the keyer hears {@code tones:<entry>:<exit>}.
 */
public final class TonesRule implements Rule {

    public static final String ENTRY = "conference_entrytones";
    public static final String EXIT = "conference_exittones";

    @Override
    public void onDecided(LiveMeeting meeting) {
        List<Happening> happenings = meeting.happenings();
        Map<Long, Integer> joinedAt = new HashMap<>();
        int lastEntry = -1;
        int lastExit = -1;
        for (int i = 0; i < happenings.size(); i++) {
            Happening happening = happenings.get(i);
            Participant call = happening.call();
            if (CALL_JOINED.equals(happening.type())) {
                joinedAt.put(call.callId(), i);
                lastEntry = on(happening, ENTRY) && !call.held() ? i : lastEntry;
            } else if (CALL_LEFT.equals(happening.type()) && call.hasJoined() && !call.held()) {
                lastExit = on(happening, EXIT) ? i : lastExit;
            }
        }
        if (lastEntry < 0 && lastExit < 0) {
            return;
        }
        for (Participant call : meeting.conference().participants()) {
            int mine = joinedAt.getOrDefault(call.callId(), -1);
            if (!call.held() && lastEntry > mine) {
                meeting.play(call, Prompts.ENTRY_TONE);
            }
            if (!call.held() && lastExit > mine) {
                meeting.play(call, Prompts.EXIT_TONE);
            }
        }
    }

    /** The tones binding. */
    public void cycle(LiveMeeting meeting, Participant keyer) {
        Conference before = meeting.conference();
        int position = (before.inForce().on(ENTRY) ? 0 : 2) + (before.inForce().on(EXIT) ? 0 : 1);
        int next = (position + 1) % 4;
        boolean entry = next < 2;
        boolean exit = next % 2 == 0;
        meeting.change(live -> live.withAttribute(ENTRY, entry ? "on" : "off")
                .withAttribute(EXIT, exit ? "on" : "off"));
        meeting.play(keyer, Prompts.tones(entry, exit));
        meeting.meetingUpdated();
    }

    private static boolean on(Happening happening, String tones) {
        return happening.meeting() != null && happening.meeting().inForce().on(tones);
    }
}
