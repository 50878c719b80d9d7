package org.conference.meeting.rules;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.conference.common.attributes.AttributeCatalog;
import org.conference.common.attributes.CallFlow;
import org.conference.meeting.rules.MeetingInput.Dtmf;
import org.conference.meeting.rules.MeetingInput.Join;
import org.conference.meeting.rules.MeetingInput.Leave;
import org.conference.meeting.rules.MeetingInput.Tick;
import org.conference.meeting.rules.Outcome.Happening;
import org.conference.meeting.rules.Outcome.Instruction;

/**
 * Drives the pure state machine as the writer does: each {@link #write} is one read-decide-write of the inputs
 * given, at the harness's clock, starting from the meeting the previous write left. Rooms carry the CONF call flow's
 * defaults from the catalog, with the settings a test names on top.
 */
final class MeetingHarness {

    static final long NUMBER = 273751;
    static final Duration KEYPAD_TIMEOUT = Duration.ofSeconds(2);

    private final MeetingRules rules = new MeetingRules(KEYPAD_TIMEOUT);
    private final RoomContext room;
    private Conference meeting;
    private long now = 1_000_000;
    private long nextMeetingId = 500;
    private int dtmfEvents;

    MeetingHarness(String... settings) {
        this.room = room(settings);
    }

    /** The CONF defaults, then {@code name, value} pairs. */
    static RoomContext room(String... settings) {
        Map<String, String> attributes = new HashMap<>(AttributeCatalog.standard()
                .effectiveValues(CallFlow.CONF, List.of(), List.of(), List.of()));
        for (int i = 0; i < settings.length; i += 2) {
            attributes.put(settings[i], settings[i + 1]);
        }
        return new RoomContext(NUMBER, "owner", List.of("root", "owner"), "John Smith", attributes);
    }

    static Participant caller(long id, int role) {
        return new Participant(id, "edge-" + id, 1000, new CallLine("+1516206531" + id, "15162065318", null, null,
                "PCMU", "node", "bridge"), role, "11" + role, 0, 0, 0, "", 0, 0, 0, 0);
    }

    Outcome write(MeetingInput... inputs) {
        Outcome.Builder effects = rules.begin(meeting);
        for (MeetingInput input : inputs) {
            boolean opens = rules.startsMeeting(effects.conference(), input);
            rules.apply(effects, input, now, opens ? nextMeetingId++ : 0);
        }
        Outcome outcome = effects.build();
        meeting = outcome.conference();
        return outcome;
    }

    Outcome join(long id, int role) {
        return write(new Join(caller(id, role), room, now));
    }

    Outcome leave(long id) {
        return write(new Leave(id));
    }

    Outcome key(long id, String digits) {
        return write(new Dtmf(id, digits, "dtmf-" + id + "-" + (++dtmfEvents)));
    }

    Outcome tick() {
        return write(new Tick());
    }

    /** Moves the clock on. */
    MeetingHarness after(Duration elapsed) {
        now += elapsed.toMillis();
        return this;
    }

    /** Moves the clock to the meeting's next deadline and ticks. */
    Outcome tickAtNextDeadline() {
        now = Math.max(now, meeting.nextDeadline().orElseThrow());
        return tick();
    }

    Conference meeting() {
        return meeting;
    }

    long now() {
        return now;
    }

    Participant call(long id) {
        return meeting.participant(id).orElseThrow();
    }

    /** Every event type of an outcome, in order. */
    static List<String> types(Outcome outcome) {
        return outcome.happenings().stream().map(Happening::type).toList();
    }

    /** Every command of an outcome as {@code "<edgeCallId> <type> [argument]"}, in order. */
    static List<String> commands(Outcome outcome) {
        return outcome.instructions().stream().map(MeetingHarness::render).toList();
    }

    /** The commands to one call as {@code "<type> [argument]"}, in order. */
    static List<String> commandsTo(Outcome outcome, long callId) {
        return outcome.instructions().stream().filter(i -> i.edgeCallId().equals("edge-" + callId))
                .map(i -> i.argument() == null ? i.type() : i.type() + " " + i.argument()).toList();
    }

    private static String render(Instruction instruction) {
        return instruction.edgeCallId() + " " + instruction.type()
                + (instruction.argument() == null ? "" : " " + instruction.argument());
    }
}
