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
import org.conference.meeting.rules.ToneTimes;

/**
 * {@code conference_entrytones} / {@code conference_exittones} {@code on}: the calls already in the mix hear
 * {@code entry-tone} when someone joins and {@code exit-tone} when someone leaves it. Coalesced: each call hears at
 * most one entry tone and one exit tone per write however many came and went in it, and the meeting plays each kind
 * at most once a second; a call that came or went within the second after a tone is not announced. So a storm of
 * 1,000 joins sends at most about a thousand tones per second of storm, not half a million, whatever the number of
 * writes it is applied in. Calls on hold hear music, not tones, and coming or going on hold is not heard in the mix. {@code conference_entryexittones_dtmf} / {@code _binding} cycles the pair ON:ON → ON:OFF → OFF:ON →
 * OFF:OFF → ON:ON, changing both attributes in force, and the keyer hears {@code tones:<entry>:<exit>}.
 */
public final class TonesRule implements Rule {

    public static final String ENTRY = "conference_entrytones";
    public static final String EXIT = "conference_exittones";
    /** The least time between two entry tones (or two exit tones) in one meeting. */
    static final long INTERVAL_MILLIS = 1000;

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
        ToneTimes played = meeting.conference().tones();
        int entry = meeting.now() - played.entry() >= INTERVAL_MILLIS ? lastEntry : -1;
        int exit = meeting.now() - played.exit() >= INTERVAL_MILLIS ? lastExit : -1;
        if (entry < 0 && exit < 0) {
            return;
        }
        boolean entryHeard = false;
        boolean exitHeard = false;
        for (Participant call : meeting.conference().participants()) {
            int mine = joinedAt.getOrDefault(call.callId(), -1);
            if (!call.held() && entry > mine) {
                meeting.play(call, Prompts.ENTRY_TONE);
                entryHeard = true;
            }
            if (!call.held() && exit > mine) {
                meeting.play(call, Prompts.EXIT_TONE);
                exitHeard = true;
            }
        }
        if (entryHeard || exitHeard) {
            ToneTimes heard = new ToneTimes(entryHeard ? meeting.now() : played.entry(),
                    exitHeard ? meeting.now() : played.exit());
            meeting.change(live -> live.withTones(heard));
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
